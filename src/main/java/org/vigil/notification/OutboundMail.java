package org.vigil.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An e-mail as recorded in the outbox, and whether it has been sent. */
@Entity
@Table(name = "outbound_mail")
class OutboundMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_key", nullable = false, length = 200)
    private String eventKey;

    @Column(nullable = false, length = 100)
    private String template;

    /** Comma-separated addresses, resolved when the request was recorded. */
    @Column(nullable = false, length = 2000)
    private String recipients;

    /** The template's model as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    private String model;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(nullable = false)
    private int attempts;

    protected OutboundMail() {}

    OutboundMail(String eventKey, String template, String recipients, String model, Instant queuedAt) {
        this.eventKey = eventKey;
        this.template = template;
        this.recipients = recipients;
        this.model = model;
        this.queuedAt = queuedAt;
    }

    Long id() { return id; }
    String eventKey() { return eventKey; }
    String template() { return template; }
    String recipients() { return recipients; }
    String model() { return model; }
    Instant sentAt() { return sentAt; }
    int attempts() { return attempts; }
    boolean isSent() { return sentAt != null; }

    void attempted() {
        attempts++;
    }

    void sent(Instant at) {
        sentAt = at;
    }
}
