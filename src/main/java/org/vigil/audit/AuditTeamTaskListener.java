package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vigil.platform.Actors;

/**
 * On the audit's own tasks (Task_PrepareChecklist, Task_Fieldwork, Task_FinalizeReport): the task may be handed only
 * to the lead auditor or a member of the team, and only they may complete it, each independent of the areas in
 * scope. Without it, a candidate could hand the fieldwork to a member of the audited group, who would then audit
 * their own area. Vigil's own assignment (to the lead auditor, on create) passes the same check.
 */
@Component
class AuditTeamTaskListener extends AuditTaskListener {

    private final Audits audits;

    AuditTeamTaskListener(Audits audits) {
        this.audits = audits;
    }

    @Override
    void act(DelegateTask task) {
        long auditId = AUDIT_ID.from(task);
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (task.getAssignee() != null) {
                audits.requireOnTheTeam(auditId, task.getAssignee());
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String person = actingUser(task);
            if (!Actors.VIGIL.equals(person)) {
                audits.requireOnTheTeam(auditId, person);
            }
        }
    }
}
