package org.vigil.risk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.vigil.platform.TaskFormContext;

/**
 * What the assessment's forms show beside their fields, read from the register when a task is opened: the assets to
 * scope, the catalogue's threats for an asset, the risk being analysed, treated or accepted with its plan, and the
 * assessment's risks at sign-off. A risk's scenario and notes are free text, so they never become process variables.
 */
@Component
class RiskFormContext implements TaskFormContext {

    private final RiskAssessments assessments;
    private final RiskRegister register;
    private final ThreatCatalog threats;
    private final RiskCriteria criteria;

    RiskFormContext(RiskAssessments assessments, RiskRegister register, ThreatCatalog threats, RiskCriteria criteria) {
        this.assessments = assessments;
        this.register = register;
        this.threats = threats;
        this.criteria = criteria;
    }

    @Override
    public Map<String, Object> valuesFor(FormTask task) {
        if (!RiskAssessmentProcess.KEY.equals(task.processDefinitionKey())
                || !(task.variable().apply(RiskAssessmentVariables.ASSESSMENT_ID.name()) instanceof Number assessment)) {
            return Map.of();
        }
        var values = new LinkedHashMap<String, Object>();
        Object assetId = task.variable().apply(RiskAssessmentVariables.ASSET_ID.name());
        Object riskId = task.variable().apply(RiskAssessmentVariables.RISK_ID.name());
        switch (task.taskDefinitionKey()) {
            case RiskAssessmentProcess.Task_ConfirmScope -> values.put("assetsText", register.assets().stream()
                    .filter(a -> a.retiredAt() == null).map(this::asset).collect(Collectors.joining("\n")));
            case RiskAssessmentProcess.Task_IdentifyThreats -> {
                var asset = assessments.asset(String.valueOf(assetId));
                values.put("assetText", asset(asset));
                values.put("threatsText", threats.proposedFor(asset.classification()).stream()
                        .map(t -> t.id() + ": " + t.name() + ". " + t.description() + " Controls " + String.join(", ", t.controls())
                                + (t.citation() == null ? "" : "; " + t.citation()))
                        .collect(Collectors.joining("\n")));
            }
            case RiskAssessmentProcess.Task_AnalyseRisk -> {
                values.put("riskText", risk(((Number) riskId).longValue(), assessment.longValue()));
                values.put("criteriaText", criteriaText());
            }
            case RiskAssessmentProcess.Task_PlanTreatment, RiskAssessmentProcess.Task_AcceptResidualRisk ->
                    values.put("riskText", risk(((Number) riskId).longValue(), assessment.longValue()));
            case RiskAssessmentProcess.Task_SignOff -> values.put("risksText", assessments.detail(assessment.longValue()).risks().stream()
                    .map(r -> "Risk " + r.id() + " " + r.assetId() + "/" + r.threatId() + ": inherent " + r.inherentRating() + " ("
                            + r.inherentBand() + "), residual " + r.residualRating() + " (" + r.residualBand() + "), " + r.treatment()
                            + ", " + r.status() + (r.acceptedBy() == null ? "" : " by " + r.acceptedBy()))
                    .collect(Collectors.joining("\n")));
            default -> { }
        }
        return values;
    }

    private String asset(RiskApi.AssetView a) {
        return a.id() + ": " + a.name() + " (" + a.classification() + ", " + a.priority() + " priority, owner " + a.ownerId()
                + ", last assessed " + (a.lastAssessedAt() == null ? "never" : a.lastAssessedAt().toString().substring(0, 10)) + ")";
    }

    private String risk(long riskId, long assessmentId) {
        var detail = register.risk(riskId);
        var r = detail.risk();
        var threat = threats.threat(r.threatId());
        var text = new StringBuilder("Risk " + r.id() + ": " + r.threatName() + " on " + r.assetId() + " (owner " + r.ownerId() + ")");
        threat.ifPresent(t -> text.append("\n").append(t.description()).append(t.citation() == null ? "" : " (" + t.citation() + ")"));
        if (r.inherentRating() != null) {
            text.append("\nInherent ").append(r.inherentLikelihood()).append(" x ").append(r.inherentImpact()).append(" = ")
                    .append(r.inherentRating()).append(" (").append(r.inherentBand()).append("); residual ").append(r.residualLikelihood())
                    .append(" x ").append(r.residualImpact()).append(" = ").append(r.residualRating()).append(" (").append(r.residualBand())
                    .append("); acceptance threshold ").append(criteria.acceptanceThreshold()).append("; treatment ").append(r.treatment())
                    .append("; controls ").append(String.join(", ", r.controls()));
        }
        if (detail.description() != null) {
            text.append("\nScenario: ").append(detail.description());
        }
        var plan = assessments.actionsOf(riskId, assessmentId);
        if (!plan.isEmpty()) {
            text.append("\nPlan: ").append(plan.stream().map(a -> a.position() + ". " + a.description() + " (" + a.ownerGroup()
                    + (a.correctiveActionId() == null ? "" : ", CA-" + a.correctiveActionId()) + ")").collect(Collectors.joining("; ")));
        }
        if (detail.acceptanceNote() != null) {
            text.append("\nOwner's note: ").append(detail.acceptanceNote());
        }
        return text.toString();
    }

    private String criteriaText() {
        return "Likelihood: " + criteria.likelihood().stream().map(l -> l.level() + " " + l.name() + " (" + l.meaning() + ")")
                .collect(Collectors.joining("; ")) + "\nImpact: " + criteria.impactLevels().stream()
                .map(l -> l.level() + " " + l.name() + " (" + l.meaning() + ")").collect(Collectors.joining("; "))
                + "\nRating = likelihood x the highest impact; above " + criteria.acceptanceThreshold() + " the owner must accept the residual risk.";
    }
}
