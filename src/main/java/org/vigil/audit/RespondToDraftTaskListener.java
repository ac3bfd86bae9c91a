package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDITEE_GROUP;
import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;
import static org.vigil.audit.InternalAuditVariables.GROUP_FINDINGS;
import static org.vigil.audit.InternalAuditVariables.RESPONSE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vigil.platform.JsonListVariables;

/**
 * Task_RespondToDraft, one per auditee group. On create the form lists the group's findings; on complete the
 * response is stored encrypted and removed from the process.
 */
@Component
class RespondToDraftTaskListener extends AuditTaskListener {

    private final Audits audits;

    RespondToDraftTaskListener(Audits audits) {
        this.audits = audits;
    }

    @Override
    void act(DelegateTask task) {
        long auditId = AUDIT_ID.from(task);
        String group = AUDITEE_GROUP.from(task);
        if (creating(task)) {
            JsonListVariables.setLocal(task.getExecution(), GROUP_FINDINGS, audits.findingRows(auditId, group));
            return;
        }
        audits.respond(auditId, group, RESPONSE.from(task), actingUser(task));
        RESPONSE.remove(task.getExecution());
    }
}
