package org.vigil.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditApi.AuditDetail;
import org.vigil.audit.AuditApi.AuditView;
import org.vigil.audit.AuditApi.ChecklistEdit;
import org.vigil.audit.AuditApi.ChecklistEntry;
import org.vigil.audit.AuditApi.FindingView;
import org.vigil.audit.AuditApi.PlanInput;
import org.vigil.audit.AuditApi.ResultInput;
import org.vigil.audit.AuditRefusedException.Kind;
import org.vigil.audit.events.AuditClosed;
import org.vigil.audit.events.AuditPlanned;
import org.vigil.audit.events.FindingRecorded;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.ActionSummary;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.correctiveaction.RaiseAction;
import org.vigil.platform.Actors;
import org.vigil.platform.CompanyCalendar;
import org.vigil.platform.PeopleDirectory;

/**
 * Internal audits (processes/internal-audit.bpmn, ISO 27001 9.2): opening an audit with its scope from the programme,
 * the plan with its independence check, the checklist, the fieldwork's results and the findings they give, the
 * auditees' responses, the corrective actions raised for the findings, and the close. Every change refuses an audit
 * that is closed. Models read {@code ${audits.auditeeGroupsOf(auditId)}} and the tasks' due dates from here.
 */
@Service("audits")
public class Audits {

    private static final Logger log = LoggerFactory.getLogger(Audits.class);

    static final String AUDITORS = "auditors";
    static final Set<String> KINDS = Set.of("comprehensive", "focused", "ad-hoc");
    static final List<String> RESULTS = List.of("conforming", "major", "minor", "observation", "improvement", "not-audited");
    static final Set<String> NONCONFORMITIES = Set.of("major", "minor");
    static final Set<String> FINDING_KINDS = Set.of("major", "minor", "observation", "improvement");
    static final int MAX_TEXT = 4000;
    private static final Pattern LINK = Pattern.compile("/[A-Za-z0-9/_.~%?=&#:+,-]{1,500}");

    private final AuditStore store;
    private final AuditCatalog catalog;
    private final AuditSettings settings;
    private final InternalAuditProcess process;
    private final PeopleDirectory people;
    private final CompanyCalendar calendar;
    private final CorrectiveActions actions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Audits(AuditStore store, AuditCatalog catalog, AuditSettings settings, InternalAuditProcess process, PeopleDirectory people,
            CompanyCalendar calendar, CorrectiveActions actions, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.settings = settings;
        this.process = process;
        this.people = people;
        this.calendar = calendar;
        this.actions = actions;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- starting and opening

    /** The CISO asks for an audit now; the process opens it. Returns the process instance id. */
    public String requestAudit(String startedBy, String kind, List<String> areas) {
        if (!people.mayStart(startedBy, InternalAuditProcess.KEY)) {
            throw new AuditRefusedException(Kind.FORBIDDEN, "Only the CISO starts an internal audit by hand; "
                    + startedBy + " may not. The programme's audits start on their own.");
        }
        String checkedKind = kind == null || kind.isBlank() ? "ad-hoc" : kind.strip();
        if (!KINDS.contains(checkedKind)) {
            throw new IllegalArgumentException("kind: must be one of comprehensive, focused, ad-hoc");
        }
        List<String> checkedAreas = areas == null ? List.of() : areas.stream().map(String::strip).distinct().toList();
        if ("ad-hoc".equals(checkedKind) && checkedAreas.isEmpty()) {
            throw new IllegalArgumentException("areas: an ad-hoc audit needs at least one area of the programme");
        }
        requireKnownAreas(checkedAreas, "areas");
        return process.start(startedBy, checkedKind, checkedAreas.isEmpty() ? null : String.join(",", checkedAreas));
    }

    /**
     * Opens the audit of this process instance with its scope: the areas asked for, else the programme's for its kind
     * and year. Safe to re-run: keyed by the instance.
     */
    @Transactional
    public long open(String processInstanceId, String kind, String startedBy, String areas) {
        var existing = store.auditOfProcess(processInstanceId);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        String checkedKind = kind == null || !KINDS.contains(kind) ? "ad-hoc" : kind;
        ZonedDateTime now = clock.instant().atZone(clock.getZone());
        int year = now.getYear();
        Integer quarter = "focused".equals(checkedKind) ? (now.getMonthValue() - 1) / 3 + 1 : null;
        List<String> scope = areas == null || areas.isBlank()
                ? catalog.scopeOf("ad-hoc".equals(checkedKind) ? "focused" : checkedKind, year)
                : List.of(areas.split(","));
        long id = store.insertAudit(processInstanceId, checkedKind, year, quarter, scope,
                startedBy == null ? "programme" : startedBy, clock.instant());
        log.info("Audit {} opened ({}, {} area(s))", id, checkedKind, scope.size());
        return id;
    }

    // ---------------------------------------------------------------- due dates, for the model

    /** The plan is due {@code plan-working-days} after the audit was opened, at the close of that working day. */
    public Date planDue(long auditId) {
        AuditView audit = audit(auditId);
        return endOf(calendar.plusWorkingDays(audit.createdAt().atZone(clock.getZone()).toLocalDate(), settings.planWorkingDays()));
    }

    /** The checklist is due at the close of the fieldwork's first planned day (or today's, when that has passed). */
    public Date checklistDue(long auditId) {
        return endOf(notBeforeToday(audit(auditId).plannedStart()));
    }

    /** The fieldwork is due at the close of its last planned day (or today's, when that has passed). */
    public Date fieldworkDue(long auditId) {
        return endOf(notBeforeToday(audit(auditId).plannedEnd()));
    }

    /** The final report is due {@code finalize-working-days} from now. */
    public Date finalizeDue() {
        return endOf(calendar.plusWorkingDays(today(), settings.finalizeWorkingDays()));
    }

    private LocalDate notBeforeToday(LocalDate day) {
        LocalDate today = today();
        return day == null || day.isBefore(today) ? today : day;
    }

    private LocalDate today() {
        return clock.instant().atZone(clock.getZone()).toLocalDate();
    }

    private Date endOf(LocalDate day) {
        return Date.from(calendar.endOfWorkingDay(day));
    }

    // ---------------------------------------------------------------- plan

    /** The areas in scope with their owner groups, for the plan form's table. */
    public List<Map<String, Object>> scopeRows(long auditId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String areaId : audit(auditId).scope()) {
            catalog.area(areaId).ifPresent(area -> rows.add(row("area", area.id(), "name", area.name(), "ownerGroup", area.ownerGroup(),
                    "cites", String.join(", ", area.cites()), "questions", area.questions().size())));
        }
        return rows;
    }

    /**
     * Records the plan. Refused, naming the field: an unknown area, a lead auditor or team member who is not an auditor,
     * dates out of order; and the independence check: nobody audits an area owned by a group they belong to.
     */
    @Transactional
    public void plan(long auditId, PlanInput plan, String actor) {
        AuditView audit = openAudit(auditId);
        List<String> scope = plan.scope() == null ? List.of() : plan.scope().stream().map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (scope.isEmpty()) {
            throw new IllegalArgumentException("scope: at least one area of the programme");
        }
        requireKnownAreas(scope, "scope");
        String criteria = text(plan.criteria(), "criteria", true);
        String lead = plan.leadAuditor() == null ? "" : plan.leadAuditor().strip();
        if (lead.isEmpty()) {
            throw new IllegalArgumentException("leadAuditor: the lead auditor is required");
        }
        List<String> auditors = people.membersOf(AUDITORS);
        if (!auditors.contains(lead)) {
            throw new IllegalArgumentException("leadAuditor: " + lead + " is not a member of auditors");
        }
        Set<String> team = new LinkedHashSet<>();
        team.add(lead);
        if (plan.team() != null) {
            for (String member : plan.team()) {
                String id = member == null ? "" : member.strip();
                if (id.isEmpty()) {
                    continue;
                }
                if (!auditors.contains(id)) {
                    throw new IllegalArgumentException("team: " + id + " is not a member of auditors");
                }
                team.add(id);
            }
        }
        if (plan.plannedStart() == null) {
            throw new IllegalArgumentException("plannedStart: the first day of the fieldwork is required");
        }
        if (plan.plannedEnd() == null) {
            throw new IllegalArgumentException("plannedEnd: the last day of the fieldwork is required");
        }
        if (plan.plannedEnd().isBefore(plan.plannedStart())) {
            throw new IllegalArgumentException("plannedEnd: the fieldwork cannot end before it starts");
        }
        for (String person : team) {
            requireIndependent(person, scope, " Choose another auditor or take the area out of scope.");
        }
        store.savePlan(audit.id(), scope, criteria, lead, List.copyOf(team), plan.plannedStart(), plan.plannedEnd(), clock.instant());
        events.publishEvent(new AuditPlanned(audit.id(), audit.kind(), plan.plannedStart(), plan.plannedEnd()));
    }

    // ---------------------------------------------------------------- checklist

    /** Copies the catalogue's questions of the audit's scope, once. */
    @Transactional
    public List<ChecklistEntry> prepareChecklist(long auditId) {
        AuditView audit = openAudit(auditId);
        if (store.items(auditId).isEmpty()) {
            int position = 0;
            for (ChecklistQuestion question : catalog.checklist(audit.scope())) {
                store.insertItem(auditId, ++position, question.id(), question.area(), question.cites(), question.text());
            }
        }
        return store.items(auditId);
    }

    /** Edits the text of questions before the fieldwork is done ({@code PUT /api/audits/{id}/checklist}, the checklist form). */
    @Transactional
    public List<ChecklistEntry> editChecklist(long auditId, List<ChecklistEdit> edits) {
        AuditView audit = openAudit(auditId);
        if (!Set.of("CHECKLIST", "FIELDWORK").contains(audit.status())) {
            throw new AuditRefusedException(Kind.CONFLICT, "Audit " + auditId + " is " + audit.status()
                    + ": its checklist is edited between the plan and the end of the fieldwork");
        }
        prepareChecklist(auditId);
        Set<String> known = new LinkedHashSet<>(store.items(auditId).stream().map(ChecklistEntry::questionId).toList());
        int row = 0;
        for (ChecklistEdit edit : edits == null ? List.<ChecklistEdit>of() : edits) {
            row++;
            if (edit == null || edit.questionId() == null || !known.contains(edit.questionId())) {
                throw new IllegalArgumentException("questionId: row " + row + " names no question of this audit's checklist");
            }
            store.updateItemText(auditId, edit.questionId(), text(edit.text(), "text", true));
        }
        return store.items(auditId);
    }

    /** {@code PUT /api/audits/{id}/checklist}: the edit, and the open checklist task's rows with it. */
    @Transactional
    public List<ChecklistEntry> editChecklistThroughApi(long auditId, List<ChecklistEdit> edits) {
        var edited = editChecklist(auditId, edits);
        process.checklistChanged(auditId, checklistRows(auditId));
        return edited;
    }

    @Transactional
    public void checklistPrepared(long auditId) {
        openAudit(auditId);
        store.setStatus(auditId, "FIELDWORK");
    }

    // ---------------------------------------------------------------- fieldwork

    /**
     * Records the results of the fieldwork. With {@code complete}, every question needs a result, and a nonconformity
     * its evidence (notes, a link or a file for that question); then the findings are recorded. Returns their number.
     */
    @Transactional
    public int recordResults(long auditId, List<ResultInput> results, String actor, boolean complete) {
        AuditView audit = openAudit(auditId);
        if (!"FIELDWORK".equals(audit.status())) {
            throw new AuditRefusedException(Kind.CONFLICT, "Audit " + auditId + " is " + audit.status() + ": results are recorded in its fieldwork");
        }
        Map<String, ChecklistEntry> items = new LinkedHashMap<>();
        store.items(auditId).forEach(item -> items.put(item.questionId(), item));
        Set<String> withFiles = new LinkedHashSet<>();
        store.evidence(auditId).forEach(file -> {
            if (file.questionId() != null) {
                withFiles.add(file.questionId());
            }
        });
        for (ResultInput input : results == null ? List.<ResultInput>of() : results) {
            if (input == null || input.questionId() == null || !items.containsKey(input.questionId())) {
                throw new IllegalArgumentException("questionId: a result names no question of this audit's checklist");
            }
            String question = input.questionId();
            String result = input.result() == null || input.result().isBlank() ? null : input.result().strip();
            if (result == null) {
                continue;
            }
            if (!RESULTS.contains(result)) {
                throw new IllegalArgumentException("result: " + question + ": must be one of " + String.join(", ", RESULTS));
            }
            String notes = text(input.evidenceNotes(), "evidenceNotes", false);
            List<String> links = links(input.evidenceLinks(), question);
            if (NONCONFORMITIES.contains(result) && notes == null && links.isEmpty() && !withFiles.contains(question)) {
                throw new IllegalArgumentException("evidenceNotes: " + question + " is a " + result
                        + " nonconformity: give its evidence (notes, a link to a Vigil record or a file)");
            }
            boolean raise = NONCONFORMITIES.contains(result) || Boolean.TRUE.equals(input.raiseAction());
            store.recordResult(auditId, question, result, notes, links, raise, actor, clock.instant());
        }
        if (!complete) {
            return 0;
        }
        List<ChecklistEntry> recorded = store.items(auditId);
        for (ChecklistEntry item : recorded) {
            if (item.result() == null) {
                throw new IllegalArgumentException("result: " + item.questionId() + " has no result yet; every question needs one"
                        + " (not-audited, with a note why, where it was not audited)");
            }
        }
        int findings = 0;
        for (ChecklistEntry item : recorded) {
            if (FINDING_KINDS.contains(item.result())) {
                findings++;
                String group = catalog.area(item.area()).map(AuditArea::ownerGroup).orElse("ciso");
                Long repeatOf = store.earlierFinding(item.questionId(), auditId).map(FindingView::id).orElse(null);
                String description = item.evidenceNotes() != null ? item.evidenceNotes()
                        : item.questionId() + ": " + item.result() + " (see the checklist's evidence)";
                recordFinding(auditId, item.id(), item.questionId(), item.area(), "checklist:" + item.id(), item.result(),
                        description, group, item.raiseAction(), repeatOf);
            }
        }
        store.setStatus(auditId, "REPORTING");
        return findings;
    }

    private Optional<Long> recordFinding(long auditId, Long itemId, String questionId, String area, String source, String kind,
            String description, String group, boolean raise, Long repeatOf) {
        Instant now = clock.instant();
        var id = store.insertFinding(auditId, itemId, questionId, area, source, kind, description, group, raise, repeatOf, now);
        id.ifPresent(findingId -> events.publishEvent(new FindingRecorded(auditId, findingId, kind, group, now)));
        return id;
    }

    /** The fieldwork form's rows: a question each, with what was recorded so far. */
    public List<Map<String, Object>> fieldworkRows(long auditId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChecklistEntry item : store.items(auditId)) {
            var question = catalog.checklist(List.of(item.area())).stream().filter(q -> q.id().equals(item.questionId())).findFirst();
            rows.add(row("questionId", item.questionId(), "area", item.area(), "cites", String.join(", ", item.cites()),
                    "text", item.text(), "guidance", question.map(ChecklistQuestion::guidance).orElse(""),
                    "healthcare", question.map(q -> String.join("; ", q.healthcare())).orElse(""),
                    "result", item.result(),
                    // Never the stored notes: a process variable holds no free text that may name a patient.
                    "evidenceNotes", null,
                    "evidenceLinks", String.join("\n", item.evidenceLinks()), "raiseAction", item.raiseAction()));
        }
        return rows;
    }

    /** The checklist form's rows: a question each, its text editable. */
    public List<Map<String, Object>> checklistRows(long auditId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChecklistEntry item : prepareChecklist(auditId)) {
            rows.add(row("questionId", item.questionId(), "area", item.area(), "cites", String.join(", ", item.cites()), "text", item.text()));
        }
        return rows;
    }

    /** An evidence file for the audit, optionally for one question; refused once the audit is closed. */
    @Transactional
    public AuditApi.EvidenceView addEvidence(long auditId, String questionId, String fileName, String contentType, byte[] content,
            String actor) {
        openAudit(auditId);
        String question = questionId == null || questionId.isBlank() ? null : questionId.strip();
        if (question != null && store.items(auditId).stream().noneMatch(item -> item.questionId().equals(question))) {
            throw new IllegalArgumentException("questionId: names no question of this audit's checklist");
        }
        if (content.length == 0) {
            throw new IllegalArgumentException("file: is empty");
        }
        String sha256 = org.vigil.platform.Sha256.hex(content);
        Instant now = clock.instant();
        long id = store.insertEvidence(auditId, question, fileName, contentType, content, sha256, actor, now);
        return new AuditApi.EvidenceView(id, question, fileName, contentType, content.length, sha256, actor, now);
    }

    byte[] evidenceContent(long auditId, long evidenceId) {
        return store.evidenceContent(auditId, evidenceId);
    }

    // ---------------------------------------------------------------- reports and responses

    /** The owner groups of the areas with findings: each responds to the draft report. */
    public List<String> auditeeGroupsOf(long auditId) {
        return store.findings(auditId).stream().map(FindingView::ownerGroup).distinct().sorted().toList();
    }

    int findingCount(long auditId) {
        return store.findings(auditId).size();
    }

    /** The response is due {@code response-working-days} from today at the close of work; the reminder comes before. */
    @Transactional
    public Instant[] setResponseDue(long auditId) {
        AuditView audit = openAudit(auditId);
        if (audit.responseDue() != null) {
            return new Instant[] {audit.responseDue(), remindAt(audit.responseDue())};
        }
        Instant due = calendar.endOfWorkingDay(calendar.plusWorkingDays(today(), settings.responseWorkingDays()));
        store.setResponseDue(auditId, due);
        store.setStatus(auditId, auditeeGroupsOf(auditId).isEmpty() ? "FINALIZING" : "RESPONSE");
        return new Instant[] {due, remindAt(due)};
    }

    private Instant remindAt(Instant due) {
        LocalDate dueDay = due.atZone(clock.getZone()).toLocalDate();
        LocalDate day = dueDay;
        for (int counted = 0; counted < settings.responseReminderWorkingDays(); ) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day.atTime(settings.startTime()).atZone(clock.getZone()).toInstant();
    }

    /** A group's findings, for its response form's table. */
    public List<Map<String, Object>> findingRows(long auditId, String group) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Long, ChecklistEntry> items = new LinkedHashMap<>();
        store.items(auditId).forEach(item -> items.put(item.id(), item));
        for (FindingView finding : store.findings(auditId)) {
            if (group == null || group.equals(finding.ownerGroup())) {
                ChecklistEntry item = finding.checklistItemId() == null ? null : items.get(finding.checklistItemId());
                rows.add(row("finding", finding.id(), "questionId", finding.questionId() == null ? "" : finding.questionId(),
                        "question", item == null ? "Gap of a breach-response exercise" : item.text(),
                        "cites", item == null ? "" : String.join(", ", item.cites()),
                        "area", finding.area() == null ? "" : finding.area(), "kind", finding.kind(), "ownerGroup", finding.ownerGroup(),
                        // The description is free text that may name a patient: it stays in the audit's tables and the report.
                        "repeatOf", finding.repeatOf() == null ? "" : "repeats finding " + finding.repeatOf()));
            }
        }
        return rows;
    }

    @Transactional
    public void respond(long auditId, String group, String response, String actor) {
        openAudit(auditId);
        store.insertResponse(auditId, group, text(response, "response", true), actor, clock.instant());
    }

    /** The responses so far, for the finalize form. */
    public List<Map<String, Object>> responseRows(long auditId) {
        // Who responded, not what: the text may name a patient and stays in the audit's tables and the report.
        return store.responses(auditId).stream().map(r -> row("ownerGroup", r.ownerGroup(), "respondedBy", r.respondedBy())).toList();
    }

    // ---------------------------------------------------------------- actions, follow-up and close

    /**
     * Raises a corrective action for each finding that needs one (nonconformities always, observations and
     * opportunities for improvement when the auditor marked them), linked to the earlier action of a repeated finding.
     * Safe to re-run: the corrective-action capability keys actions by their source. Returns the findings still open.
     */
    @Transactional
    public int raiseActions(long auditId, String raisedBy) {
        AuditView audit = openAudit(auditId);
        for (FindingView finding : store.findings(auditId)) {
            if (finding.raiseAction() && finding.correctiveActionId() == null) {
                raise(audit, finding, raisedBy);
            }
        }
        store.setStatus(auditId, "FOLLOW_UP");
        return openFindings(auditId);
    }

    private void raise(AuditView audit, FindingView finding, String raisedBy) {
        String severity = NONCONFORMITIES.contains(finding.kind()) ? finding.kind() : "improvement";
        Long repeatOfAction = finding.repeatOf() == null ? null
                : store.finding(finding.repeatOf()).map(FindingView::correctiveActionId).orElse(null);
        long actionId = actions.raise(new RaiseAction(new ActionSource(ActionSource.AUDIT_FINDING, reference(audit.id(), finding.id())),
                severity, finding.ownerGroup(), finding.description(), raisedBy == null ? audit.leadAuditor() : raisedBy, repeatOfAction,
                false));
        store.setAction(finding.id(), actionId);
        // An action found closed already (a re-run after its closing) closes the finding too.
        actions.summary(actionId).filter(a -> "CLOSED".equals(a.status()))
                .ifPresent(a -> store.closeFinding(finding.id(), a.closedAt() == null ? clock.instant() : a.closedAt()));
    }

    static String reference(long auditId, long findingId) {
        return "audit:" + auditId + ":finding:" + findingId;
    }

    int openFindings(long auditId) {
        return (int) store.findings(auditId).stream().filter(f -> "OPEN".equals(f.status())).count();
    }

    /**
     * A finding's corrective action closed. Returns the audit's id when that was its last open finding and the audit
     * follows its findings up; empty otherwise (another finding still open, or no finding of an audit).
     */
    @Transactional
    public Optional<Long> actionClosed(String sourceReference, Instant closedAt) {
        var parts = sourceReference == null ? new String[0] : sourceReference.split(":");
        if (parts.length != 4 || !"audit".equals(parts[0]) || !"finding".equals(parts[2])) {
            return Optional.empty();
        }
        long auditId = Long.parseLong(parts[1]);
        long findingId = Long.parseLong(parts[3]);
        var audit = store.lockAudit(auditId);
        if (audit.isEmpty() || audit.get().closed()) {
            return Optional.empty();
        }
        store.closeFinding(findingId, closedAt);
        return "FOLLOW_UP".equals(audit.get().status()) && openFindings(auditId) == 0 ? Optional.of(auditId) : Optional.empty();
    }

    /** Open findings' actions, for the monthly follow-up reminder. */
    public List<ActionSummary> openActions(long auditId) {
        return store.findings(auditId).stream().filter(f -> "OPEN".equals(f.status()) && f.correctiveActionId() != null)
                .map(f -> actions.summary(f.correctiveActionId())).flatMap(Optional::stream).toList();
    }

    /** Closes the audit: its record is read-only from now on. Safe to re-run. */
    @Transactional
    public void close(long auditId) {
        AuditView audit = store.lockAudit(auditId).orElseThrow(() -> new NoSuchAuditException(auditId));
        if (audit.closed()) {
            return;
        }
        Instant now = clock.instant();
        store.close(auditId, now);
        events.publishEvent(new AuditClosed(auditId, audit.kind(), audit.plannedEnd(), now, findingsByKind(auditId)));
        log.info("Audit {} closed", auditId);
    }

    Map<String, Integer> findingsByKind(long auditId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List.of("major", "minor", "observation", "improvement").forEach(kind -> counts.put(kind, 0));
        store.findings(auditId).forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        return counts;
    }

    // ---------------------------------------------------------------- exercises

    /**
     * A breach-response exercise run for this audit reported its gaps: each becomes a minor nonconformity of the
     * incident-response area, its evidence the exercise report. Safe to re-run: keyed by incident and gap.
     */
    @Transactional
    public int exerciseGaps(long auditId, long incidentId, String scenario, List<String> gaps) {
        var audit = store.lockAudit(auditId);
        String group = catalog.area("incident-response").map(AuditArea::ownerGroup).orElse("privacy-office");
        if (audit.isEmpty() || audit.get().closed()) {
            // The gaps are real all the same: corrective actions of their own, keyed as an exercise without an audit
            // keys them, rather than a warning in a log nobody reads.
            log.warn("Exercise {} reported for audit {}, which {}: its gaps become corrective actions of their own", incidentId, auditId,
                    audit.isEmpty() ? "does not exist" : "is closed");
            for (int n = 0; n < gaps.size(); n++) {
                actions.raise(new RaiseAction(new ActionSource(ActionSource.EXERCISE_GAP, "exercise:" + incidentId + ":gap:" + (n + 1)),
                        "minor", group, exerciseGap(incidentId, scenario, gaps.get(n)), Actors.VIGIL, null, false));
            }
            return 0;
        }
        int added = 0;
        for (int n = 0; n < gaps.size(); n++) {
            String description = exerciseGap(incidentId, scenario, gaps.get(n));
            var id = recordFinding(auditId, null, null, "incident-response", "exercise:" + incidentId + ":gap:" + (n + 1), "minor",
                    description, group, true, null);
            if (id.isPresent()) {
                added++;
                if ("FOLLOW_UP".equals(audit.get().status())) {
                    raise(audit.get(), store.finding(id.get()).orElseThrow(), null);
                }
            }
        }
        return added;
    }

    private static String exerciseGap(long incidentId, String scenario, String gap) {
        return "Breach-response exercise " + incidentId + " (scenario " + scenario + "): " + gap + ". Evidence: /api/exercises/"
                + incidentId + "/report";
    }

    // ---------------------------------------------------------------- reading

    public List<AuditView> audits() {
        return store.audits();
    }

    /**
     * The audit's own work (checklist, fieldwork, final report) is done by its lead auditor or a member of its team
     * and by nobody else: a task handed to anyone else, or completed by them, is refused naming the person. Checked
     * again for independence, since a group's members change after the plan.
     */
    void requireOnTheTeam(long auditId, String person) {
        AuditView audit = audit(auditId);
        if (audit.leadAuditor() == null) {
            return;
        }
        if (!person.equals(audit.leadAuditor()) && !audit.team().contains(person)) {
            throw new AuditRefusedException(Kind.FORBIDDEN, person + " is not on the team of audit " + auditId + " (lead "
                    + audit.leadAuditor() + ", team " + String.join(", ", audit.team()) + "): only they do its checklist, fieldwork and report");
        }
        requireIndependent(person, audit.scope(), " Ask the lead auditor to hand the task to another member of the team.");
    }

    /** Nobody audits their own group's area: refused naming the person, the group and the area. */
    private void requireIndependent(String person, List<String> scope, String whatToDo) {
        for (String areaId : scope) {
            AuditArea area = catalog.area(areaId).orElseThrow();
            if (people.membersOf(area.ownerGroup()).contains(person)) {
                throw new AuditRefusedException(Kind.CONFLICT, "Independence: " + person + " belongs to " + area.ownerGroup()
                        + ", the owner group of area " + area.id() + " in scope; nobody audits their own group's area." + whatToDo);
            }
        }
    }

    public AuditView audit(long auditId) {
        return store.audit(auditId).orElseThrow(() -> new NoSuchAuditException(auditId));
    }

    public AuditDetail detail(long auditId) {
        AuditView audit = audit(auditId);
        return new AuditDetail(audit, store.items(auditId), store.findings(auditId), store.evidence(auditId), store.reports(auditId),
                store.responses(auditId), findingsByKind(auditId));
    }

    /** The audit for a change: refused with a 409 once it is closed. Locks its row until the change commits. */
    AuditView openAudit(long auditId) {
        AuditView audit = store.lockAudit(auditId).orElseThrow(() -> new NoSuchAuditException(auditId));
        if (audit.closed()) {
            throw new AuditClosedException(auditId);
        }
        return audit;
    }

    // ---------------------------------------------------------------- helpers

    private void requireKnownAreas(List<String> areas, String field) {
        for (String area : areas) {
            if (catalog.area(area).isEmpty()) {
                throw new IllegalArgumentException(field + ": " + (area.matches("[a-z0-9-]{1,64}") ? area : "an area")
                        + " is not an area of the audit programme");
            }
        }
    }

    private static String text(String value, String field, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException(field + ": is required");
            }
            return null;
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + ": at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static List<String> links(List<String> values, String question) {
        List<String> links = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String link = value == null ? "" : value.strip();
            if (link.isEmpty()) {
                continue;
            }
            if (!LINK.matcher(link).matches()) {
                throw new IllegalArgumentException("evidenceLinks: " + question
                        + ": a link must be a path of a Vigil record, e.g. /api/access-reviews/campaigns/3/report");
            }
            links.add(link);
        }
        return links;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
