package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;
import static org.vigil.audit.InternalAuditVariables.CHECKLIST_ITEMS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vigil.audit.AuditApi.ChecklistEdit;
import org.vigil.platform.JsonListVariables;

/**
 * Task_PrepareChecklist. On create the checklist is copied from the catalogue's questions of the scope (once) and
 * the task goes to the lead auditor; the form lists the questions with their area and citations, the text editable.
 * On complete the edited texts are stored.
 */
@Component
class PrepareChecklistTaskListener extends AuditTaskListener {

    private final Audits audits;

    PrepareChecklistTaskListener(Audits audits) {
        this.audits = audits;
    }

    @Override
    void act(DelegateTask task) {
        long auditId = AUDIT_ID.from(task);
        if (creating(task)) {
            task.setAssignee(audits.audit(auditId).leadAuditor());
            JsonListVariables.setLocal(task.getExecution(), CHECKLIST_ITEMS, audits.checklistRows(auditId));
            return;
        }
        List<ChecklistEdit> edits = new ArrayList<>();
        for (Map<String, Object> row : JsonListVariables.rows(task, CHECKLIST_ITEMS)) {
            if (row.get("questionId") != null && row.get("text") != null) {
                edits.add(new ChecklistEdit(string(row, "questionId"), string(row, "text")));
            }
        }
        audits.editChecklist(auditId, edits);
        audits.checklistPrepared(auditId);
        task.getExecution().removeVariable(CHECKLIST_ITEMS);
    }
}
