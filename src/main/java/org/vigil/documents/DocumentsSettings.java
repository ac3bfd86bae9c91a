package org.vigil.documents;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.documents.*} for letter batches: where they are written, letters per part, the name under which this
 * node claims the batches it runs (empty: the host name), and how long after its dispatch a batch's files are kept.
 * (Who signs the notices is {@link CompanyFacts}, {@code vigil.documents.company.*}; the schedules
 * {@code vigil.documents.purge-every} and {@code .take-over-every} are read by their {@code @Scheduled} methods.)
 * Checked at start: a part of no letters, or files purged the moment they are dispatched, would fail a breach's
 * letters on the day they are due.
 */
@ConfigurationProperties("vigil.documents")
@Validated
record DocumentsSettings(
        @NotNull @DefaultValue("./data/letters") Path batchDir,
        @Positive(message = "must be at least 1 letter per part") @DefaultValue("1000") int batchPartSize,
        @NotNull @DefaultValue("") String nodeId,
        @NotNull @DefaultValue("P30D") Duration purgeAfter) {

    @AssertTrue(message = "must be longer than zero: the print house needs the files after the dispatch is recorded")
    boolean isPurgeAfter() {
        return purgeAfter == null || !(purgeAfter.isNegative() || purgeAfter.isZero());
    }
}
