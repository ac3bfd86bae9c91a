package org.vigil.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An e-mail as recorded in the outbox: pending (a next attempt is set), sent, or failed for good after the last
 * allowed attempt. Its id is the idempotency key of the mail itself ({@link #messageId}): every attempt carries the same
 * {@code Message-ID}, so a crash between sending and marking sends the same mail again, never a second one.
 */
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

    /** When the poller may take it next; none once it is sent or failed. */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    /** What the mail server or the rendering said the last time; the exception's type and message only. */
    @Column(name = "last_error", length = 500)
    private String lastError;

    /** Given up after the last allowed attempt; IT operations decide in Tasklist whether to send it again. */
    @Column(name = "failed_at")
    private Instant failedAt;

    protected OutboundMail() {}

    OutboundMail(String eventKey, String template, String recipients, String model, Instant queuedAt) {
        this.eventKey = eventKey;
        this.template = template;
        this.recipients = recipients;
        this.model = model;
        this.queuedAt = queuedAt;
        this.nextAttemptAt = queuedAt;
    }

    Long id() { return id; }
    String eventKey() { return eventKey; }
    String template() { return template; }
    String recipients() { return recipients; }
    String model() { return model; }
    Instant sentAt() { return sentAt; }
    int attempts() { return attempts; }
    Instant queuedAt() { return queuedAt; }
    Instant nextAttemptAt() { return nextAttemptAt; }
    Instant lastAttemptAt() { return lastAttemptAt; }
    String lastError() { return lastError; }
    Instant failedAt() { return failedAt; }
    boolean isSent() { return sentAt != null; }
    boolean isFailed() { return failedAt != null; }
    boolean isPending() { return sentAt == null && failedAt == null; }

    /** {@code <vigil-mail-42@example.org>}: the same on every attempt, unique per outbox row and sending domain. */
    String messageId(String domain) {
        return "<vigil-mail-" + id + "@" + domain + ">";
    }

    void sent(Instant at) {
        attempts++;
        lastAttemptAt = at;
        sentAt = at;
        nextAttemptAt = null;
    }

    /** An attempt failed; another follows at {@code next}. */
    void failedAttempt(Instant at, String error, Instant next) {
        attempts++;
        lastAttemptAt = at;
        lastError = error;
        nextAttemptAt = next;
    }

    /** The last allowed attempt failed: nothing is tried again unless someone asks. */
    void failedForGood(Instant at, String error) {
        attempts++;
        lastAttemptAt = at;
        lastError = error;
        nextAttemptAt = null;
        failedAt = at;
    }

    /** IT operations asked for it again: a fresh round of attempts, under the same Message-ID. */
    void sendAgain(Instant at) {
        if (!isFailed()) {
            return;
        }
        attempts = 0;
        failedAt = null;
        nextAttemptAt = at;
    }
}
