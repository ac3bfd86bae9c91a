package org.vigil.regulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * The answer of PLAN-API.md: the notifications due, the duties considered and ruled out, and the ambiguities
 * (RULES.md A.7) resolved by taking the earliest deadline. Nulls are written out because the contract shows them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@NamedInterface("api")
public record NotificationPlan(
        boolean breachNotificationsRequired,
        String catalogVersion,
        List<Notification> notifications,
        List<NotRequired> notRequired,
        List<Ambiguity> ambiguities) {

    /** {@code ruleId}: the catalog rule that creates this duty; with the jurisdiction it names the duty across plans. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @NamedInterface("api")
    public record Notification(
            String ruleId,
            String recipient,
            String jurisdiction,
            String regime,
            String basis,
            String confidence,
            String deadlineRule,
            @JsonSerialize(using = OwnOffsetSerializer.class) OffsetDateTime deadline,
            Instant deadlineUtc,
            @JsonSerialize(using = OwnOffsetSerializer.class) OffsetDateTime holdUntil,
            @JsonSerialize(using = OwnOffsetSerializer.class) OffsetDateTime alternativeDeadline,
            String ambiguity,
            String computation) {
    }

    @NamedInterface("api")

    public record NotRequired(String recipient, String jurisdiction, String reason) {
    }

    /** One A.7 (or C3) ambiguity met by this incident: {@code ref} names the RULES.md item. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @NamedInterface("api")
    public record Ambiguity(
            String ref,
            String recipient,
            String jurisdiction,
            String text,
            @JsonSerialize(using = OwnOffsetSerializer.class) OffsetDateTime deadline,
            @JsonSerialize(using = OwnOffsetSerializer.class) OffsetDateTime alternativeDeadline) {
    }
}
