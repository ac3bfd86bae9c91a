package org.vigil.correctiveaction;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_AnalyseRootCause, event complete: the root cause, the method that found it, and similar cases elsewhere. */
@Component
class RootCauseTaskListener extends ActionTaskListener {

    private final ActionSteps steps;

    RootCauseTaskListener(ActionSteps steps) {
        this.steps = steps;
    }

    @Override
    void act(DelegateTask task) {
        steps.analyse(actionId(task), text(task, CorrectiveActionVariables.PHI_ROOT_CAUSE),
                CorrectiveActionVariables.ROOT_CAUSE_METHOD.from(task), CorrectiveActionVariables.SIMILAR_ELSEWHERE.from(task),
                text(task, CorrectiveActionVariables.PHI_SIMILAR_WHERE));
        removeFormFields(task);
    }
}
