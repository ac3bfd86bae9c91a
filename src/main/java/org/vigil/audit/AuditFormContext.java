package org.vigil.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.vigil.audit.AuditApi.FindingView;
import org.vigil.platform.TaskFormContext;

/**
 * What the audit forms show beside their fields, read from the audit's tables when a task is opened: the findings'
 * descriptions for the auditee group responding and for the lead auditor finalizing, the responses, and the evidence
 * files so far in the fieldwork. These are free text that may quote a record naming a patient, so they never become
 * process variables: they reach the person who opened the task and go no further.
 */
@Component
class AuditFormContext implements TaskFormContext {

    private final Audits audits;

    AuditFormContext(Audits audits) {
        this.audits = audits;
    }

    @Override
    public Map<String, Object> valuesFor(FormTask task) {
        if (!InternalAuditProcess.KEY.equals(task.processDefinitionKey())
                || !(task.variable().apply(InternalAuditVariables.AUDIT_ID.name()) instanceof Number id)) {
            return Map.of();
        }
        var detail = audits.detail(id.longValue());
        var values = new LinkedHashMap<String, Object>();
        switch (task.taskDefinitionKey()) {
            case InternalAuditProcess.Task_Fieldwork -> values.put("evidenceSoFar", detail.evidence().isEmpty() ? "none yet"
                    : detail.evidence().stream().map(e -> e.fileName() + (e.questionId() == null ? "" : " (" + e.questionId() + ")"))
                            .collect(Collectors.joining(", ")));
            case InternalAuditProcess.Task_RespondToDraft -> {
                Object group = task.variable().apply(InternalAuditVariables.AUDITEE_GROUP.name());
                values.put("groupFindingsText", findings(detail.findings().stream().filter(f -> f.ownerGroup().equals(group)).toList()));
            }
            case InternalAuditProcess.Task_FinalizeReport -> {
                values.put("findingsText", findings(detail.findings()));
                values.put("responsesText", detail.responses().isEmpty() ? "none" : detail.responses().stream()
                        .map(r -> r.ownerGroup() + " (" + r.respondedBy() + "): " + r.response()).collect(Collectors.joining("\n\n")));
            }
            default -> { }
        }
        return values;
    }

    private static String findings(java.util.List<FindingView> findings) {
        return findings.isEmpty() ? "none" : findings.stream()
                .map(f -> "Finding " + f.id() + (f.questionId() == null ? "" : ", " + f.questionId()) + " (" + f.kind() + "): " + f.description())
                .collect(Collectors.joining("\n\n"));
    }
}
