package org.vigil.documents;

import java.time.Instant;

/** A letter batch as people see it: progress (done of total), and once done the archive's SHA-256 as evidence. */
public record LetterBatchView(long id, String ownerRef, DocumentKind kind, LetterFormat format, String status, int done,
        int total, String archiveSha256, String error, Instant createdAt, Instant finishedAt) {}
