package org.vigil.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.vigil.platform.EncryptedText;

/**
 * A mail-merge run: its facts (encrypted: they describe the breach), its progress in letters, its archive's and
 * manifest's checksums, and when its letters were dispatched and its files purged (the row stays as evidence).
 */
@Entity
@Table(name = "letter_batch")
class LetterBatch {

    enum Status { QUEUED, RUNNING, DONE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_ref", nullable = false)
    private String ownerRef;

    @Column(name = "recipients_ref", nullable = false)
    private String recipientsRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LetterFormat format;

    @Column(nullable = false)
    private String jurisdiction;

    @Convert(converter = EncryptedText.class)
    @Column(nullable = false, columnDefinition = "text")
    private String facts;

    private int total;
    private int done;

    @Column(name = "part_size")
    private int partSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private String directory;

    @Column(name = "archive_sha256")
    private String archiveSha256;

    @Column(name = "manifest_sha256")
    private String manifestSha256;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    @Column(name = "purged_at")
    private Instant purgedAt;

    private String error;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Version
    private long version;

    protected LetterBatch() {}

    LetterBatch(String ownerRef, String recipientsRef, String jurisdiction, DocumentKind kind, LetterFormat format, String facts,
            int total, int partSize, String directory, Instant createdAt) {
        this.ownerRef = ownerRef;
        this.jurisdiction = jurisdiction;
        this.recipientsRef = recipientsRef;
        this.kind = kind;
        this.format = format;
        this.facts = facts;
        this.total = total;
        this.partSize = partSize;
        this.directory = directory;
        this.createdAt = createdAt;
        this.status = Status.QUEUED;
    }

    Long id() { return id; }
    String ownerRef() { return ownerRef; }
    String recipientsRef() { return recipientsRef; }
    String jurisdiction() { return jurisdiction; }
    DocumentKind kind() { return kind; }
    LetterFormat format() { return format; }
    String facts() { return facts; }
    int total() { return total; }
    int done() { return done; }
    int partSize() { return partSize; }
    Status status() { return status; }
    String directory() { return directory; }
    String archiveSha256() { return archiveSha256; }
    Instant dispatchedAt() { return dispatchedAt; }
    Instant purgedAt() { return purgedAt; }

    String claimedBy() { return claimedBy; }

    void placeIn(String directory) { this.directory = directory; }

    boolean unfinished() {
        return status == Status.QUEUED || status == Status.RUNNING;
    }

    /** Unclaimed, claimed by {@code node} itself (before a restart, say), or left by a node whose claim has lapsed. */
    boolean claimableBy(String node, Instant now) {
        return unfinished() && (claimedBy == null || claimedBy.equals(node) || claimedUntil == null || claimedUntil.isBefore(now));
    }

    /** Claimable by {@code node} and not held by it: nobody runs it, or its node is gone. */
    boolean abandoned(String node, Instant now) {
        return claimableBy(node, now) && !node.equals(claimedBy);
    }

    void claim(String node, Instant until) {
        claimedBy = node;
        claimedUntil = until;
    }

    void running() { status = Status.RUNNING; }

    void progressed(int done) { this.done = done; }

    void finished(String sha256, String manifestSha256, Instant at) {
        status = Status.DONE;
        archiveSha256 = sha256;
        this.manifestSha256 = manifestSha256;
        finishedAt = at;
        done = total;
        claim(null, null);
    }

    void failed(String reason, Instant at) {
        status = Status.FAILED;
        error = reason.length() > 500 ? reason.substring(0, 500) : reason;
        finishedAt = at;
        claim(null, null);
    }

    LetterBatchView view() {
        return new LetterBatchView(id, ownerRef, kind, format, status.name(), done, total, archiveSha256, error, createdAt, finishedAt,
                manifestSha256, dispatchedAt, purgedAt);
    }
}
