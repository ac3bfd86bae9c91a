package org.vigil.breach;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.vigil.platform.CompanySettings;
import org.vigil.platform.TaskFormContext;

/**
 * What the breach forms show beside their fields, read from the incident and its obligations when a task is opened:
 * the report for those who triage, investigate and assess it (the groups that may read an incident); the systems
 * and the evidence so far for IT operations, who contain it without reading what the reporter wrote; whom a notice
 * goes to, what kind of document it is and when it is due. The reporter's estimate becomes the first value of the
 * counts the triage and the investigation ask for, so nobody types it again.
 */
@Component
class BreachFormContext implements TaskFormContext {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH);

    private final Incidents incidents;
    private final Obligations obligations;
    private final ObligationCards cards;
    private final IncidentEvidence evidence;
    private final ZoneId zone;

    BreachFormContext(Incidents incidents, Obligations obligations, ObligationCards cards, IncidentEvidence evidence, CompanySettings company) {
        this.incidents = incidents;
        this.obligations = obligations;
        this.cards = cards;
        this.evidence = evidence;
        this.zone = company.zone();
    }

    @Override
    public Map<String, Object> valuesFor(FormTask task) {
        if (BreachResponseProcess.KEY.equals(task.processDefinitionKey())) {
            return incidentTask(task);
        }
        if (NotificationObligationProcess.KEY.equals(task.processDefinitionKey())) {
            return noticeTask(task);
        }
        return Map.of();
    }

    private Map<String, Object> incidentTask(FormTask task) {
        if (!(task.variable().apply(BreachResponseVariables.INCIDENT_ID.name()) instanceof Number id)) {
            return Map.of();
        }
        var incident = incidents.require(id.longValue());
        var values = new LinkedHashMap<String, Object>();
        switch (task.taskDefinitionKey()) {
            case BreachResponseProcess.Task_ApproveNotABreach, BreachResponseProcess.Task_ReviewPostIncident -> {
                if (mayReadIncident(task)) {
                    values.putAll(report(incident));
                    values.put("containmentSummary", orNotGiven(incident.containmentSummary()));
                }
            }
            case BreachResponseProcess.Task_TriageIncident, BreachResponseProcess.Task_InvestigateIncident, BreachResponseProcess.Task_AssessRisk -> {
                if (mayReadIncident(task)) {
                    values.putAll(report(incident));
                }
                if (incident.occurredAt() != null) {
                    values.put(InvestigationTaskListener.OCCURRED_AT, incident.occurredAt().atZone(zone).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
                }
                if (incident.affectedEstimate() != null && !incident.affectedEstimate().isEmpty()) {
                    values.put(BreachResponseVariables.ESTIMATED_AFFECTED.name(),
                            incident.affectedEstimate().values().stream().mapToInt(Integer::intValue).sum());
                    values.put("affectedCounts", AffectedCounts.format(incident.affectedEstimate(), "\n"));
                }
            }
            case BreachResponseProcess.Task_ContainIncident -> {
                values.put("reportSystems", String.join(", ", incident.systemsInvolved()));
                values.put("reportDiscoveredAt", when(incident.discoveredAt()));
                var files = evidence.list(incident.id());
                values.put("evidenceSoFar", files.isEmpty() ? "none yet"
                        : files.size() + (files.size() == 1 ? " file: " : " files: ")
                                + files.stream().map(IncidentEvidence.EvidenceView::fileName).collect(Collectors.joining(", ")));
            }
            default -> { }
        }
        return values;
    }

    /** The report as its reporter wrote it; "not given" where a field was left empty. */
    private Map<String, Object> report(Incident incident) {
        var values = new LinkedHashMap<String, Object>();
        values.put("reportTitle", incident.title());
        values.put("reportDescription", orNotGiven(incident.description()));
        values.put("reportOccurredAt", incident.occurredAt() == null ? "not given" : when(incident.occurredAt()));
        values.put("reportDiscoveredAt", when(incident.discoveredAt()));
        values.put("reportDiscoveredBy", orNotGiven(incident.discoveredBy()));
        values.put("reportSystems", incident.systemsInvolved().isEmpty() ? "not given" : String.join(", ", incident.systemsInvolved()));
        values.put("reportDataCategories", incident.dataCategories() == null || incident.dataCategories().isEmpty()
                ? "none named" : String.join(", ", incident.dataCategories()));
        values.put("reportEstimate", incident.affectedEstimate() == null || incident.affectedEstimate().isEmpty() ? "none given"
                : AffectedCounts.format(incident.affectedEstimate(), ", "));
        values.put("reportedBy", incident.reportedBy());
        return values;
    }

    private Map<String, Object> noticeTask(FormTask task) {
        if (!(task.variable().apply(NotificationObligationVariables.OBLIGATION_ID.name()) instanceof Number id)) {
            return Map.of();
        }
        var obligation = obligations.require(id.longValue());
        var values = new LinkedHashMap<String, Object>();
        values.put("noticeRecipientName", cards.recipient(obligation));
        values.put("noticeKind", NoticeKinds.kindFor(obligation).name());
        values.put("noticeDocument", NoticeKinds.kindFor(obligation).title());
        values.put("noticeDue", when(obligation.targetDeadline()));
        values.put("noticeLegalDeadline", obligation.deadline() == null ? "not set" : when(obligation.deadline()));
        if (NotificationObligationProcess.Task_PrepareNotice.equals(task.taskDefinitionKey())
                && mayReadIncident(task)) {
            values.putAll(NoticeText.formValues(obligation.noticeFacts()));
            if (obligation.sendBackReason() != null) {
                values.put("noticeSentBack", obligation.sendBackReason());
            }
        }
        return values;
    }

    /** The groups that may read an incident through its API ({@link Incidents#view}) read its free text here too. */
    private static boolean mayReadIncident(FormTask task) {
        return task.viewerGroups().stream().anyMatch(Incidents.OVERSIGHT_GROUPS::contains);
    }

    private String when(Instant moment) {
        return WHEN.format(moment.atZone(zone));
    }

    private static String orNotGiven(String text) {
        return text == null || text.isBlank() ? "not given" : text;
    }
}
