package org.vigil.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the risk API answers: ids, codes, ratings and dates in lists; free text (encrypted at rest) only in a risk's detail. */
public final class RiskApi {

    private RiskApi() {}

    /** An asset of the register: a PHI system mirrored from the access-review register, or one the CISO added. */
    public record AssetView(String id, String name, String classification, boolean phi, String priority, String ownerId,
            String source, Instant addedAt, String addedBy, Instant retiredAt, Instant lastAssessedAt) {}

    /** The CISO's new asset: {@code classification} phi-restricted, phi-limited or other. */
    public record NewAsset(String id, String name, String classification, String owner) {}

    /** A risk of the register, without its description. Bands are the criteria's words for the ratings. */
    public record RiskView(long id, String assetId, String threatId, String threatName, String ownerId,
            Integer inherentLikelihood, Integer inherentImpact, Integer inherentRating, String inherentBand,
            Integer residualLikelihood, Integer residualImpact, Integer residualRating, String residualBand,
            String treatment, String status, String acceptedBy, Instant acceptedAt, Long lastAssessmentId,
            Instant identifiedAt, Instant assessedAt, List<String> controls) {}

    /** A treatment action: the corrective action that runs it, once raised. */
    public record TreatmentAction(long assessmentId, int position, String ownerGroup, String owner, java.time.LocalDate dueDate,
            String description, Long correctiveActionId, String plannedBy, Instant plannedAt) {}

    /** A risk with what only its detail shows: the impact per dimension, the description, the acceptance note, the plan. */
    public record RiskDetail(RiskView risk, Map<String, Integer> impact, String description, String acceptanceNote,
            List<TreatmentAction> actions) {}

    public record AssessmentView(long id, String processInstanceId, String kind, String triggerType, String triggerReference,
            String status, String startedBy, Instant startedAt, String signedOffBy, Instant signedOffAt, List<String> assetIds) {}

    public record AssessmentDetail(AssessmentView assessment, List<RiskView> risks) {}

    /** {@code scope}: "all", "high-priority", or a list of asset ids. */
    public record AssessmentStarted(long assessmentId, String processInstanceId) {}
}
