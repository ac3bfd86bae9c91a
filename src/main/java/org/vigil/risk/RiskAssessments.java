package org.vigil.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.correctiveaction.RaiseAction;
import org.vigil.platform.Actors;
import org.vigil.platform.PeopleDirectory;
import org.vigil.risk.RiskApi.AssessmentDetail;
import org.vigil.risk.RiskApi.AssessmentStarted;
import org.vigil.risk.RiskApi.AssessmentView;
import org.vigil.risk.RiskApi.AssetView;
import org.vigil.risk.RiskStore.Rating;
import org.vigil.risk.RiskStore.RiskRow;
import org.vigil.risk.events.RiskAssessmentSignedOff;

/**
 * The assessments of processes/risk-assessment.bpmn (ISO 27001 6.1.2, 6.1.3, 8.2, 8.3): started, scoped, each asset's
 * threats identified and its risks analysed and evaluated on the criteria, the treatment planned and raised as
 * corrective actions, the residual risks above the threshold accepted by their owners, and the CISO's sign-off. The
 * models call it as {@code ${riskAssessments...}}; the task listeners and delegates through its methods.
 */
@Service("riskAssessments")
public class RiskAssessments {

    static final String CISO_GROUP = "ciso";

    static final Set<String> TREATMENTS = Set.of("modify", "retain", "avoid", "share");
    static final String ALL = "all";
    static final String HIGH_PRIORITY = "high-priority";
    static final String PHI = "phi";
    static final String NAMED = "named";

    private final RiskStore store;
    private final RiskRegister register;
    private final RiskCriteria criteria;
    private final ThreatCatalog threats;
    private final RiskAssessmentProcess process;
    private final CorrectiveActions actions;
    private final PeopleDirectory people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RiskAssessments(RiskStore store, RiskRegister register, RiskCriteria criteria, ThreatCatalog threats, RiskAssessmentProcess process,
            CorrectiveActions actions, PeopleDirectory people, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.register = register;
        this.criteria = criteria;
        this.threats = threats;
        this.process = process;
        this.actions = actions;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ starting

    /** The CISO's start: {@code scope} "all" (the default), "high-priority", or a list of asset ids (no scope step then). */
    @Transactional
    public AssessmentStarted request(String by, Object scope) {
        // The CISO's, by name of the group: an administrator's grants do not make them the CISO.
        if (!people.mayStart(by, RiskAssessmentProcess.KEY) || !people.membersOf(CISO_GROUP).contains(by)) {
            throw new RiskRefusedException("Only the CISO starts a risk assessment by hand; " + by + " may not. The yearly and"
                    + " quarterly assessments and those of significant changes start on their own.");
        }
        String rule;
        List<String> named = List.of();
        if (scope == null || ALL.equals(scope)) {
            rule = ALL;
        } else if (HIGH_PRIORITY.equals(scope)) {
            rule = HIGH_PRIORITY;
        } else if (scope instanceof List<?> ids && !ids.isEmpty()) {
            named = assetIds(ids.stream().map(String::valueOf).toList(), "scope");
            rule = NAMED;
        } else {
            throw new IllegalArgumentException("scope: must be \"all\", \"high-priority\" or a list of asset ids");
        }
        long id = store.insertAssessment(null, "manual", null, null, NAMED.equals(rule) ? "IDENTIFYING" : "SCOPING", by, clock.instant())
                .orElseThrow();
        if (!named.isEmpty()) {
            store.replaceScope(id, named);
        }
        String instance = process.start(id, "manual", rule, by);
        store.setProcessInstance(id, instance);
        return new AssessmentStarted(id, instance);
    }

    /**
     * An assessment started by a significant change, once per trigger: a redelivered event finds the first and starts
     * nothing. {@code assetIds} the assets it names (no scope step), or empty for the CISO to scope among the PHI assets.
     */
    @Transactional
    public Optional<AssessmentStarted> startTriggered(String triggerType, String triggerReference, List<String> assetIds) {
        var inserted = store.insertAssessment(null, "triggered", triggerType, triggerReference,
                assetIds.isEmpty() ? "SCOPING" : "IDENTIFYING", Actors.VIGIL, clock.instant());
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        long id = inserted.get();
        if (!assetIds.isEmpty()) {
            store.replaceScope(id, assetIds);
        }
        String instance = process.start(id, "triggered", assetIds.isEmpty() ? PHI : NAMED, Actors.VIGIL);
        store.setProcessInstance(id, instance);
        return Optional.of(new AssessmentStarted(id, instance));
    }

    /** What Task_OpenAssessment leaves in the process: the assessment, whether the start named its assets, the proposed ones. */
    record Opened(long assessmentId, boolean scopeNamed, String proposedAssetIds) {}

    /**
     * Task_OpenAssessment: the assessment of this instance (recorded now for a timer's start), and the assets proposed
     * for the CISO's scope when the start named none. Safe to re-run: keyed by the instance.
     */
    @Transactional
    public Opened open(String processInstanceId, Long assessmentId, String kind, String scope) {
        long id;
        if (assessmentId != null) {
            id = assessmentId;
        } else {
            id = store.assessmentOfProcess(processInstanceId).map(AssessmentView::id).orElseGet(() -> store.insertAssessment(
                    processInstanceId, kind, null, null, "SCOPING", Actors.VIGIL, clock.instant()).orElseThrow());
        }
        var assessment = assessment(id);
        String rule = scope != null ? scope : "quarterly".equals(kind) ? HIGH_PRIORITY : ALL;
        if (NAMED.equals(rule)) {
            return new Opened(id, true, String.join(", ", assessment.assetIds()));
        }
        List<String> proposed = proposedScope(rule);
        store.replaceScope(id, proposed);
        return new Opened(id, false, String.join(", ", proposed));
    }

    /** The active assets a scope rule proposes: every one, the high-priority PHI ones, or the PHI ones. */
    List<String> proposedScope(String rule) {
        return register.assets().stream().filter(a -> a.retiredAt() == null)
                .filter(a -> switch (rule) {
                    case HIGH_PRIORITY -> a.phi() && "high".equals(a.priority());
                    case PHI -> a.phi();
                    default -> true;
                })
                .map(AssetView::id).toList();
    }

    /** Task_ConfirmScope: the CISO's assets (ids, comma-separated). */
    @Transactional
    public List<String> confirmScope(long assessmentId, String assetIds) {
        requireOpen(assessmentId);
        List<String> ids = assetIds(list(assetIds), RiskAssessmentVariables.ASSET_IDS.name());
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("assetIds: name at least one asset of the register");
        }
        store.replaceScope(assessmentId, ids);
        store.setStatus(assessmentId, "IDENTIFYING");
        return ids;
    }

    private List<String> assetIds(List<String> ids, String field) {
        var distinct = new LinkedHashSet<String>();
        for (String id : ids) {
            var asset = store.asset(id).orElseThrow(() -> new IllegalArgumentException(field + ": no asset " + id + " in the register"));
            if (asset.retiredAt() != null) {
                throw new IllegalArgumentException(field + ": asset " + id + " is retired");
            }
            distinct.add(id);
        }
        return List.copyOf(distinct);
    }

    /** The scope, for the multi-instance identification of the model. */
    public List<String> assetsOf(long assessmentId) {
        return assessment(assessmentId).assetIds();
    }

    // ------------------------------------------------------------------ identification, analysis

    /** The threats the catalogue proposes for the asset, with those its register already holds: ids, comma-separated. */
    public String proposedThreats(String assetId) {
        var asset = asset(assetId);
        var ids = new LinkedHashSet<String>();
        threats.proposedFor(asset.classification()).forEach(t -> ids.add(t.id()));
        store.risks().stream().filter(r -> r.assetId().equals(assetId)).forEach(r -> ids.add(r.threatId()));
        return String.join(", ", ids);
    }

    /** Task_IdentifyThreats: a risk per threat named for the asset (the register's own where it has one). */
    @Transactional
    public List<Long> identify(long assessmentId, String assetId, String threatIds) {
        requireOpen(assessmentId);
        var asset = asset(assetId);
        List<String> named = list(threatIds);
        if (named.isEmpty()) {
            throw new IllegalArgumentException("threatIds: name at least one threat of the catalogue");
        }
        List<Long> risks = new ArrayList<>();
        for (String threatId : new LinkedHashSet<>(named)) {
            if (threats.threat(threatId).isEmpty()) {
                throw new IllegalArgumentException("threatIds: " + threatId + " is not a threat of the catalogue (seeds/risk/threats.yaml)");
            }
            var existing = store.risks().stream().filter(r -> r.assetId().equals(assetId) && r.threatId().equals(threatId)).findFirst();
            risks.add(store.identify(assetId, threatId, existing.map(RiskRow::ownerId).orElse(asset.ownerId()), assessmentId, clock.instant()));
        }
        store.dropFromAssessment(assessmentId, assetId, risks);
        return risks;
    }

    /** The asset's risks in this assessment, for the multi-instance analysis. */
    public List<Long> risksOfAsset(long assessmentId, String assetId) {
        return store.risksOf(assessmentId).stream().filter(r -> r.assetId().equals(assetId)).map(RiskRow::id).toList();
    }

    /** The controls the catalogue suggests for the risk's threat, or those the register holds for it: comma-separated. */
    public String suggestedControls(long riskId) {
        var held = store.controlsOf(riskId);
        if (!held.isEmpty()) {
            return String.join(", ", held);
        }
        return threats.threat(risk(riskId).threatId()).map(t -> String.join(", ", t.controls())).orElse("");
    }

    /** Task_AnalyseRisk: the inherent and residual rating, the treatment option and the controls. */
    @Transactional
    public void analyse(long assessmentId, long riskId, Map<String, Object> rating, String treatment, String controls, String description) {
        requireOpen(assessmentId);
        var risk = store.lockRisk(riskId).orElseThrow(() -> new NoSuchRiskRecordException("Risk " + riskId));
        if (!Long.valueOf(assessmentId).equals(risk.lastAssessmentId())) {
            throw new IllegalArgumentException("riskId: risk " + riskId + " is not part of assessment " + assessmentId);
        }
        var r = new Rating(level(rating, RiskAssessmentVariables.LIKELIHOOD), level(rating, RiskAssessmentVariables.IMPACT_CONFIDENTIALITY),
                level(rating, RiskAssessmentVariables.IMPACT_INTEGRITY), level(rating, RiskAssessmentVariables.IMPACT_AVAILABILITY),
                level(rating, RiskAssessmentVariables.IMPACT_PATIENT_SAFETY), level(rating, RiskAssessmentVariables.RESIDUAL_LIKELIHOOD),
                level(rating, RiskAssessmentVariables.RESIDUAL_IMPACT));
        int impact = Math.max(Math.max(r.confidentiality(), r.integrity()), Math.max(r.availability(), r.patientSafety()));
        int inherent = RiskCriteria.rating(RiskAssessmentVariables.LIKELIHOOD, r.likelihood(), impact);
        int residual = RiskCriteria.rating(RiskAssessmentVariables.RESIDUAL_LIKELIHOOD, r.residualLikelihood(), r.residualImpact());
        if (residual > inherent) {
            throw new IllegalArgumentException(RiskAssessmentVariables.RESIDUAL_IMPACT + ": the residual rating (" + residual
                    + ") cannot be above the inherent one (" + inherent + ")");
        }
        String option = treatment(treatment);
        List<String> controlIds = controls(controls);
        if ("modify".equals(option) && controlIds.isEmpty()) {
            throw new IllegalArgumentException("controls: a risk treated by modify names the Annex A 2022 controls that treat it");
        }
        String status = "retain".equals(option) && !criteria.needsAcceptance(residual) ? "WITHIN_APPETITE" : "ANALYSED";
        store.analyse(riskId, r, impact, residual, option, status, description == null || description.isBlank() ? null : description.strip(),
                clock.instant());
        store.replaceControls(riskId, controlIds);
        store.setStatus(assessmentId, "ANALYSING");
    }

    private static int level(Map<String, Object> values, String field) {
        Object value = values.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(field + ": is required (1 to 5)");
        }
        try {
            int level = (int) Double.parseDouble(value.toString().strip());
            if (level < 1 || level > 5) {
                throw new IllegalArgumentException(field + ": must be 1 to 5");
            }
            return level;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": must be 1 to 5");
        }
    }

    private static String treatment(String value) {
        if (value == null || !TREATMENTS.contains(value.strip())) {
            throw new IllegalArgumentException("treatment: must be one of modify, retain, avoid, share");
        }
        return value.strip();
    }

    private List<String> controls(String value) {
        List<String> ids = new ArrayList<>();
        for (String control : list(value)) {
            if (!threats.isControl(control)) {
                throw new IllegalArgumentException("controls: " + control + " is not a control of Annex A 2022 (5.1 to 8.34)");
            }
            String id = ThreatCatalog.controlId(control);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    // ------------------------------------------------------------------ treatment, acceptance

    /** The risks of the assessment that need a treatment plan or their owner's acceptance: all but those within appetite. */
    public List<Long> risksToTreat(long assessmentId) {
        return store.risksOf(assessmentId).stream().filter(r -> !"WITHIN_APPETITE".equals(r.status())).map(RiskRow::id).toList();
    }

    /** A treatment action as planned on the form. */
    /** A row of the plan's action list: {@code owner} and {@code dueDate} (an ISO date) optional. */
    record PlannedAction(String text, String ownerGroup, String owner, String dueDate) {}

    /** Task_PlanTreatment: the option (again), the actions added to the plan, the residual rating they leave. */
    @Transactional
    public void plan(long assessmentId, long riskId, String treatment, Map<String, Object> residual, List<PlannedAction> planned, String by) {
        requireOpen(assessmentId);
        var risk = store.lockRisk(riskId).orElseThrow(() -> new NoSuchRiskRecordException("Risk " + riskId));
        String option = treatment(treatment);
        int likelihood = level(residual, RiskAssessmentVariables.RESIDUAL_LIKELIHOOD);
        int impact = level(residual, RiskAssessmentVariables.RESIDUAL_IMPACT);
        if (risk.inherentRating() != null && likelihood * impact > risk.inherentRating()) {
            throw new IllegalArgumentException(RiskAssessmentVariables.RESIDUAL_IMPACT + ": the residual rating (" + likelihood * impact
                    + ") cannot be above the inherent one (" + risk.inherentRating() + ")");
        }
        int n = 0;
        for (PlannedAction action : planned) {
            n++;
            String where = RiskAssessmentVariables.ACTIONS + "[" + n + "]";
            if (action.text() == null || action.text().isBlank()) {
                throw new IllegalArgumentException(where + ".text: say what is to be done");
            }
            if (action.text().length() > 4000) {
                throw new IllegalArgumentException(where + ".text: longer than 4000 characters");
            }
            if (action.ownerGroup() == null || !people.isWorkflowGroup(action.ownerGroup())) {
                throw new IllegalArgumentException(where + ".ownerGroup: must be a group of Vigil (ciso, managers, privacy-office, it-operations, ...)");
            }
            if (ownerOf(action) != null && !people.membersOf(action.ownerGroup()).contains(ownerOf(action))) {
                throw new IllegalArgumentException(where + ".owner: must be the user id of a member of " + people.groupNameOf(action.ownerGroup())
                        + ", or empty for the group to name one");
            }
            LocalDate due = dueDateOf(action, where);
            if (due != null && due.isBefore(clock.instant().atZone(clock.getZone()).toLocalDate())) {
                throw new IllegalArgumentException(where + ".dueDate: must not be in the past");
            }
        }
        if (!"retain".equals(option) && planned.isEmpty() && store.actionsOf(riskId, assessmentId).isEmpty()) {
            throw new IllegalArgumentException(RiskAssessmentVariables.ACTIONS + ": a risk treated by " + option
                    + " needs at least one action (retain needs none)");
        }
        Instant now = clock.instant();
        for (PlannedAction action : planned) {
            store.addAction(riskId, assessmentId, action.ownerGroup(), ownerOf(action), dueDateOf(action, ""), action.text().strip(), by, now);
        }
        store.replan(riskId, option, likelihood, impact, criteria.needsAcceptance(likelihood * impact) ? "TREATING" : "WITHIN_APPETITE");
        store.setStatus(assessmentId, "TREATING");
    }

    /**
     * Task_RaiseTreatmentActions: each planned action not raised yet becomes a corrective action of source
     * RISK_TREATMENT, its severity from the band of the risk it treats (critical and high: major; medium: minor; low:
     * improvement). Safe to re-run: the action's reference is its key.
     */
    private static String ownerOf(PlannedAction action) {
        return action.owner() == null || action.owner().isBlank() ? null : action.owner().strip();
    }

    /** A form's date field: an ISO date, or a date-time whose day counts. */
    private static LocalDate dueDateOf(PlannedAction action, String where) {
        String text = action.dueDate() == null ? "" : action.dueDate().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(where + ".dueDate: must be a date (YYYY-MM-DD)");
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    @Transactional
    public int raiseActions(long assessmentId, long riskId) {
        var risk = risk(riskId);
        int raised = 0;
        for (var action : store.actionsOf(riskId, assessmentId)) {
            if (action.correctiveActionId() != null) {
                continue;
            }
            long id = actions.raise(new RaiseAction(new ActionSource(ActionSource.RISK_TREATMENT,
                    "risk:" + riskId + ":assessment:" + assessmentId + ":action:" + action.position()),
                    severityOf(risk.inherentRating()), action.ownerGroup(), action.description(), action.plannedBy(), null, false,
                    // The plan's due date, unless a retried job finds it passed: then today.
                    action.dueDate() == null ? null : later(action.dueDate(), clock.instant().atZone(clock.getZone()).toLocalDate()),
                    action.owner()));
            store.setAction(riskId, assessmentId, action.position(), id);
            raised++;
        }
        return raised;
    }

    String severityOf(Integer rating) {
        return switch (rating == null ? "low" : criteria.bandOf(rating)) {
            case "critical", "high" -> "major";
            case "medium" -> "minor";
            default -> "improvement";
        };
    }

    /** A residual rating above the threshold needs the owner's acceptance. */
    public boolean needsAcceptance(long riskId) {
        var risk = risk(riskId);
        return risk.residualRating() != null && criteria.needsAcceptance(risk.residualRating());
    }

    /** asset/threat: what a card says about a risk (ids and codes only). */
    public String riskCode(long riskId) {
        var risk = risk(riskId);
        return risk.assetId() + "/" + risk.threatId();
    }

    /** The owner of the risk, to whom its acceptance is assigned. */
    public String ownerOf(long riskId) {
        return risk(riskId).ownerId();
    }

    @Transactional
    public void acceptanceAsked(long assessmentId) {
        store.setStatus(assessmentId, "ACCEPTING");
    }

    /**
     * Task_AcceptResidualRisk: the owner accepts the residual risk (ISO 27001 6.1.3 f) or refuses it, back to treatment.
     * Anyone else is refused, naming the rule.
     */
    @Transactional
    public void decideAcceptance(long assessmentId, long riskId, String actor, String acceptance, String note) {
        requireOpen(assessmentId);
        var risk = store.lockRisk(riskId).orElseThrow(() -> new NoSuchRiskRecordException("Risk " + riskId));
        if (!risk.ownerId().equals(actor)) {
            throw new RiskRefusedException("Only the risk owner, " + risk.ownerId() + ", accepts the residual risk of risk " + riskId
                    + " (ISO 27001 6.1.3 f: the risk owners approve the treatment plan and accept the residual risks); " + actor + " may not");
        }
        if ("accept".equals(acceptance)) {
            store.accept(riskId, actor, clock.instant(), note == null || note.isBlank() ? null : note.strip());
        } else if ("refuse".equals(acceptance)) {
            if (note == null || note.isBlank()) {
                throw new IllegalArgumentException(RiskAssessmentVariables.ACCEPTANCE_NOTE.name() + ": say what more treatment you need before accepting");
            }
            store.refuse(riskId, note.strip());
        } else {
            throw new IllegalArgumentException(RiskAssessmentVariables.ACCEPTANCE.name() + ": must be accept or refuse");
        }
    }

    /** Whether the owner accepted the residual risk (else it goes back to treatment). */
    public boolean accepted(long riskId) {
        return "ACCEPTED".equals(risk(riskId).status());
    }

    // ------------------------------------------------------------------ sign-off

    /** Task_SignOff: the CISO's sign-off; the assets are assessed as of now, and the SoA is versioned on the event. */
    @Transactional
    public void signOff(long assessmentId, String by) {
        if (!people.membersOf(CISO_GROUP).contains(by)) {
            throw new RiskRefusedException("Only the CISO signs off risk assessment " + assessmentId + "; " + by + " may not");
        }
        var assessment = store.lockAssessment(assessmentId).orElseThrow(() -> new NoSuchRiskRecordException("Risk assessment " + assessmentId));
        if ("SIGNED_OFF".equals(assessment.status())) {
            throw new AssessmentSignedOffException(assessmentId);
        }
        for (var risk : store.risksOf(assessmentId)) {
            if (!Set.of("ACCEPTED", "WITHIN_APPETITE").contains(risk.status())) {
                throw new IllegalArgumentException("signOff: risk " + risk.id() + " is still " + risk.status());
            }
        }
        Instant now = clock.instant();
        store.signOff(assessmentId, by, now);
        store.markAssessed(assessmentId, now);
        events.publishEvent(new RiskAssessmentSignedOff(assessmentId, assessment.kind(), assessment.triggerType(), now, by));
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public List<AssessmentView> assessments() {
        return store.assessments();
    }

    @Transactional(readOnly = true)
    public AssessmentView assessment(long id) {
        return store.assessment(id).orElseThrow(() -> new NoSuchRiskRecordException("Risk assessment " + id));
    }

    @Transactional(readOnly = true)
    public AssessmentDetail detail(long id) {
        return new AssessmentDetail(assessment(id), store.risksOf(id).stream().map(register::view).toList());
    }

    Optional<AssessmentView> assessmentOfTrigger(String type, String reference) {
        return store.assessmentOfTrigger(type, reference);
    }

    RiskRow risk(long riskId) {
        return store.risk(riskId).orElseThrow(() -> new NoSuchRiskRecordException("Risk " + riskId));
    }

    AssetView asset(String assetId) {
        return store.asset(assetId).orElseThrow(() -> new NoSuchRiskRecordException("Asset " + assetId));
    }

    List<RiskApi.TreatmentAction> actionsOf(long riskId, long assessmentId) {
        return store.actionsOf(riskId, assessmentId);
    }

    private void requireOpen(long assessmentId) {
        if ("SIGNED_OFF".equals(assessment(assessmentId).status())) {
            throw new AssessmentSignedOffException(assessmentId);
        }
    }

    static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
