package org.vigil.breach;

import static org.vigil.breach.NotificationObligationVariables.NOTICE_APPROVED;
import static org.vigil.breach.NotificationObligationVariables.NOTICE_REFERENCE;
import static org.vigil.breach.NotificationObligationVariables.OBLIGATION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_PrepareNotice: the notice's text and where it is kept become part of the obligation's record. */
@Component
class NoticePreparedTaskListener implements TaskListener {

    private final Obligations obligations;

    NoticePreparedTaskListener(Obligations obligations) {
        this.obligations = obligations;
    }

    @Override
    public void notify(DelegateTask task) {
        String ownDocument = FormText.text(task::getVariable, NOTICE_REFERENCE.name());
        long obligationId = OBLIGATION_ID.from(task);
        String reference = ownDocument != null ? ownDocument
                : NoticeDocuments.RENDERED_BY_VIGIL + "/api/obligations/" + obligationId + "/notice";
        NOTICE_REFERENCE.set(task, reference);
        obligations.prepared(obligationId, reference, NoticeText.fromForm(task::getVariable));
        IncidentIntakeListener.removeTransientFields(task.getExecution());
        // A notice sent back carries the approver's "no": its next approval starts as the form does, ticked.
        task.getExecution().removeVariable(NOTICE_APPROVED.name());
    }
}
