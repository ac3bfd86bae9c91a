package org.vigil.documents;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** The letters' files were deleted a grace period after their dispatch; the batch's checksums and counts remain. */
@NamedInterface("api")
public class LettersPurgedException extends RuntimeException {

    private final transient LetterBatchView batch;

    LettersPurgedException(LetterBatchView batch) {
        super("The print file of letter batch " + batch.id() + " was purged on " + batch.purgedAt() + ", after the dispatch recorded for "
                + batch.dispatchedAt() + "; its checksums and counts are kept as evidence");
        this.batch = batch;
    }

    public LetterBatchView batch() {
        return batch;
    }

    public Instant purgedAt() {
        return batch.purgedAt();
    }
}
