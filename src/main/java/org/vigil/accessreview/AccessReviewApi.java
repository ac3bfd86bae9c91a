package org.vigil.accessreview;

import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The shapes the access-review services take and give: their public API, also the REST API's JSON. */
public final class AccessReviewApi {

    private AccessReviewApi() {}

    /** A system holding PHI, in the register. */
    // Bounds of ar_system (V006__access_review.sql).
    public record PhiSystem(@Size(max = 64) String id, @Size(max = 200) String name, @Size(max = 64) String owner,
            @Size(max = 64) String deputy, @Size(max = 40) String classification) {}

    public record ImportResult(SnapshotKind kind, List<Long> snapshotIds, int rows, List<Long> revocationsVerified) {}

    public record CampaignOpened(long campaignId, int itemCount, int reviewerCount, Instant dueAt, Instant remindAt,
            Instant closesAt) {}

    /** One decision: {@code keep}, {@code revoke} or {@code modify}; a reason where the rules ask for one. */
    public record DecisionInput(long item, @Size(max = 20) String decision, @Size(max = 1000) String reason) {}

    /** The same decision for every undecided item of the reviewer, or only for the unflagged ones. */
    public record BulkDecision(@Size(max = 20) String decision, @Size(max = 1000) String reason, @Size(max = 20) String scope) {}

    public record ReviewItem(long id, String system, String account, String person, String entitlement,
            boolean privileged, LocalDate lastLogin, List<String> flags, String role, String reviewer, String decision,
            String reason, String decidedBy, Instant decidedAt, boolean exception) {}

    /**
     * What the SLA dashboard shows of a campaign. {@code completionRate} is decided items over all items (0..1);
     * the revoke-to-verified times run from the decision to verified removal, over verified revocations.
     */
    public record CampaignFigures(long campaignId, String status, Instant startedAt, Instant dueAt, long items,
            long decided, double completionRate, int reviewers, int reviewersDone, List<String> overdueReviewers,
            long exceptions, int revocations, int revocationsVerified, int revocationsOverdue,
            Duration medianRevokeToVerified, Duration longestRevokeToVerified) {}
}
