package org.vigil.managementreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.vigil.managementreview.spi.ReviewInput;

/** What {@code /api/management-reviews} reads and takes; the review's rows, decrypted for those who may read them. */
public final class ManagementReviewApi {

    private ManagementReviewApi() {}

    public record ReviewView(long id, String processInstanceId, String kind, Instant periodFrom, Instant periodTo,
            String periodLabel, String status, Instant meetingDue, String chair, Instant meetingAt, List<String> attendees,
            String createdBy, Instant createdAt, Instant frozenAt, Instant signedOffAt, String signedOffBy,
            String documentSha256, Instant documentRenderedAt) {

        boolean signedOff() {
            return signedOffAt != null;
        }

        boolean frozen() {
            return frozenAt != null;
        }
    }

    /** A period's figures of one input, for the charts: figure key to value. */
    public record TrendPoint(String periodLabel, Map<String, Double> figures) {}

    /**
     * One input of the pack: a capability's ({@code source} capability, {@code input} as read at {@code readAt}, with
     * the previous periods' figures) or the people's ({@code source} people, the statement its owner group entered).
     */
    public record PackInput(String key, String source, ReviewInput input, List<TrendPoint> trend, Instant readAt, boolean frozen,
            String statement, String ownerGroup, String enteredBy, Instant enteredAt) {}

    public record DecisionView(int position, String text, String ownerGroup, String owner, LocalDate dueDate,
            Long correctiveActionId, String actionStatus) {}

    public record AmendmentView(long id, String text, String why, String amendedBy, Instant amendedAt) {}

    public record ReviewDetail(ReviewView review, String minutes, List<PackInput> pack, List<DecisionView> decisions,
            List<AmendmentView> amendments) {}

    public record FigureChange(String key, String label, Double previous, Double current, String unit, String change) {}

    public record ItemChange(String key, String text, String change) {}

    public record InputComparison(String key, String title, List<FigureChange> figures, List<ItemChange> items) {}

    /** This review's pack against the previous review of the same kind (null when this is the first). */
    public record Comparison(long reviewId, Long previousReviewId, String previousPeriodLabel, List<InputComparison> inputs) {}

    public record DecisionInput(String text, String ownerGroup, String owner, LocalDate dueDate) {}
}
