package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;
import static org.vigil.audit.InternalAuditVariables.FIELDWORK_ITEMS;
import static org.vigil.audit.InternalAuditVariables.FINDING_COUNT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vigil.audit.AuditApi.ResultInput;
import org.vigil.platform.JsonListVariables;

/**
 * Task_Fieldwork. On create the form lists every question with its citations, guidance and healthcare references,
 * a result, evidence notes and links per row, and the task goes to the lead auditor. On complete every question needs
 * a result and every nonconformity its evidence, else the completion is refused naming the question; then the
 * findings are recorded. The rows are removed from the process: results and notes live in the audit's tables.
 */
@Component
class FieldworkTaskListener extends AuditTaskListener {

    private final Audits audits;

    FieldworkTaskListener(Audits audits) {
        this.audits = audits;
    }

    @Override
    void act(DelegateTask task) {
        long auditId = AUDIT_ID.from(task);
        if (creating(task)) {
            task.setAssignee(audits.audit(auditId).leadAuditor());
            JsonListVariables.setLocal(task.getExecution(), FIELDWORK_ITEMS, audits.fieldworkRows(auditId));
            return;
        }
        List<ResultInput> results = new ArrayList<>();
        for (Map<String, Object> row : JsonListVariables.rows(task, FIELDWORK_ITEMS)) {
            if (row.get("questionId") == null) {
                throw new IllegalArgumentException("'Questions': a row names no question; reload the task");
            }
            results.add(new ResultInput(string(row, "questionId"), string(row, "result"), string(row, "evidenceNotes"),
                    list(string(row, "evidenceLinks")), Boolean.TRUE.equals(row.get("raiseAction"))));
        }
        FINDING_COUNT.set(task.getExecution(), audits.recordResults(auditId, results, actingUser(task), true));
        task.getExecution().removeVariable(FIELDWORK_ITEMS);
    }
}
