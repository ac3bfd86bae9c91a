package org.vigil.breach;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.platform.StorableDate;

/**
 * What a person or a system reports. {@code externalReference} (a SIEM or ticket id) makes a repeated report
 * return the first incident instead of creating a second one.
 *
 * <p>The bounds are the columns' (V003__breach.sql): free text is stored encrypted in TEXT (65,535 bytes), and
 * AES-GCM plus base64 turn 16,000 characters of up to 3 bytes each into about 64,000; the data categories are
 * stored as plain JSON in VARCHAR(1000), the estimate in VARCHAR(2000).
 *
 * <p>The estimate's counts are read as numbers, so that 1.5 is refused by {@link #check} instead of being cut to 1.
 */
public record IncidentReport(
        @Size(max = 200) String externalReference,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 16_000) String description,
        @StorableDate OffsetDateTime occurredAt,
        @NotNull @StorableDate OffsetDateTime discoveredAt,
        @Size(max = 200) String discoveredBy,
        // Stored one per line, so a line break would split a system in two.
        @Size(max = 50) List<@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain line breaks") String> systemsInvolved,
        @Size(max = 20) List<@NotBlank @Size(max = 40) @Pattern(regexp = PLAIN_WORDS, message = "must not contain quotes, backslashes or control characters") String> dataCategories,
        @Size(max = 100) Map<@NotBlank @Pattern(regexp = JURISDICTION, message = "must be a jurisdiction code such as US-TX, EU-DE, UK, CA-ON or AU") String,
                @NotNull @PositiveOrZero Number> affectedEstimate) {

    static final String JURISDICTION = "US|US-[A-Z]{2}|EU-[A-Z]{2}|UK|CA|CA-[A-Z]{2}|AU";
    /** Text that JSON stores as it is, so that its length in the column is its length here. */
    static final String PLAIN_WORDS = "[^\"\\\\\\p{Cntrl}]*";

    /**
     * What no report can say, checked on every way in (Vigil's API, the Tasklist form, the Java API): a discovery or
     * an occurrence in the future, an occurrence after the discovery, a count that is no whole number.
     */
    void check(Instant now) {
        FactChecks.notInFuture(discoveredAt, now, "discoveredAt");
        FactChecks.notInFuture(occurredAt, now, "occurredAt");
        FactChecks.notAfter(occurredAt, "occurredAt", discoveredAt, "discoveredAt");
        wholeEstimate();
    }

    /** The first estimate, each count a whole number (1.5 refused). */
    Map<String, Integer> wholeEstimate() {
        Map<String, Integer> counts = new TreeMap<>();
        if (affectedEstimate != null) {
            affectedEstimate.forEach((jurisdiction, count) -> counts.put(jurisdiction, FactChecks.wholeCount(count, "affectedEstimate")));
        }
        return counts;
    }
}
