package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.SYSTEM_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_SignOffSystem, event create: the sign-off goes to the system's owner as the register names them now. */
@Component
class AssignSystemOwnerTaskListener extends AccessReviewTaskListener {

    private final PhiSystemRegister register;

    AssignSystemOwnerTaskListener(PhiSystemRegister register) {
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setAssignee(register.ownerOf(SYSTEM_ID.from(task)));
    }
}
