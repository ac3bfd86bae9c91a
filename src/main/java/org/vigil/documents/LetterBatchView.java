package org.vigil.documents;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * A letter batch as people see it: progress (done of total), once done the SHA-256 of the archive and of its
 * manifest as evidence, and when the letters were dispatched and their files purged (the checksums stay).
 */
@NamedInterface("api")
public record LetterBatchView(long id, String ownerRef, DocumentKind kind, LetterFormat format, String status, int done,
        int total, String archiveSha256, String error, Instant createdAt, Instant finishedAt, String manifestSha256,
        Instant dispatchedAt, Instant purgedAt) {}
