package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.SYSTEM_ID;
import static org.vigil.accessreview.AccessReviewVariables.SYSTEM_ITEMS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vigil.platform.JsonListVariables;

/**
 * Task_SignOffSystem, event create: the sign-off goes to the system's owner as the register names them now, with the
 * system's accounts and their decisions for the form to show (read-only) what the owner signs off.
 */
@Component
class AssignSystemOwnerTaskListener extends AccessReviewTaskListener {

    private final PhiSystemRegister register;
    private final ReviewDecisions decisions;

    AssignSystemOwnerTaskListener(PhiSystemRegister register, ReviewDecisions decisions) {
        this.register = register;
        this.decisions = decisions;
    }

    @Override
    void act(DelegateTask task) {
        String systemId = SYSTEM_ID.from(task);
        task.setAssignee(register.ownerOf(systemId));
        JsonListVariables.setLocal(task.getExecution(), SYSTEM_ITEMS, decisions.signOffRows(CAMPAIGN_ID.from(task), systemId));
    }
}
