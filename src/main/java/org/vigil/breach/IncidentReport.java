package org.vigil.breach;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a person or a system reports. {@code externalReference} (a SIEM or ticket id) makes a repeated report
 * return the first incident instead of creating a second one.
 */
public record IncidentReport(
        @Size(max = 200) String externalReference,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 20_000) String description,
        OffsetDateTime occurredAt,
        @NotNull OffsetDateTime discoveredAt,
        @Size(max = 200) String discoveredBy,
        List<@NotBlank String> systemsInvolved,
        List<@NotBlank String> dataCategories,
        Map<@NotBlank @Pattern(regexp = JURISDICTION, message = "must be a jurisdiction code such as US-TX, EU-DE, UK, CA-ON or AU") String,
                @NotNull @PositiveOrZero Integer> affectedEstimate) {

    static final String JURISDICTION = "US|US-[A-Z]{2}|EU-[A-Z]{2}|UK|CA|CA-[A-Z]{2}|AU";
}
