package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;
import static org.vigil.audit.InternalAuditVariables.CRITERIA;
import static org.vigil.audit.InternalAuditVariables.LEAD_AUDITOR;
import static org.vigil.audit.InternalAuditVariables.PLANNED_END;
import static org.vigil.audit.InternalAuditVariables.PLANNED_START;
import static org.vigil.audit.InternalAuditVariables.SCOPE;
import static org.vigil.audit.InternalAuditVariables.SCOPE_AREAS;
import static org.vigil.audit.InternalAuditVariables.TEAM;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vigil.audit.AuditApi.PlanInput;
import org.vigil.platform.JsonListVariables;

/**
 * Task_PlanAudit. On create the form gets the areas in scope with their owner groups (a table) and the scope as the
 * programme gives it. On complete the plan is recorded, or refused naming the field, or by the independence check
 * naming the person, the group and the area. The form's fields are removed from the process afterwards: the plan
 * lives in the audit's row.
 */
@Component
class PlanAuditTaskListener extends AuditTaskListener {

    private final Audits audits;
    private final Clock clock;

    PlanAuditTaskListener(Audits audits, Clock clock) {
        this.audits = audits;
        this.clock = clock;
    }

    @Override
    void act(DelegateTask task) {
        long auditId = AUDIT_ID.from(task);
        if (creating(task)) {
            JsonListVariables.setLocal(task.getExecution(), SCOPE_AREAS, audits.scopeRows(auditId));
            task.getExecution().setVariableLocal(SCOPE.name(), String.join(", ", audits.audit(auditId).scope()));
            return;
        }
        var plan = new PlanInput(list(SCOPE.from(task)), CRITERIA.from(task), LEAD_AUDITOR.from(task), list(TEAM.from(task)),
                day(task.getVariable(PLANNED_START.name()), PLANNED_START.name(), clock.getZone()),
                day(task.getVariable(PLANNED_END.name()), PLANNED_END.name(), clock.getZone()));
        audits.plan(auditId, plan, actingUser(task));
        for (var field : List.of(SCOPE, CRITERIA, LEAD_AUDITOR, TEAM, PLANNED_START, PLANNED_END)) {
            field.remove(task.getExecution());
        }
        task.getExecution().removeVariable(SCOPE_AREAS);
    }
}
