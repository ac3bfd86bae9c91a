package org.vigil.breach;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_PrepareNotice: where the prepared notice is kept becomes part of the obligation's record. */
@Component
class NoticePreparedTaskListener implements TaskListener {

    private final Obligations obligations;

    NoticePreparedTaskListener(Obligations obligations) {
        this.obligations = obligations;
    }

    @Override
    public void notify(DelegateTask task) {
        obligations.prepared(NotificationObligationProcess.obligationId(task), FormText.text(task::getVariable, "noticeReference"));
    }
}
