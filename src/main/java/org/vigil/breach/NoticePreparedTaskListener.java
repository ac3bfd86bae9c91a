package org.vigil.breach;

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
        String ownDocument = FormText.text(task::getVariable, "noticeReference");
        long obligationId = NotificationObligationProcess.obligationId(task);
        String reference = ownDocument != null ? ownDocument
                : NoticeDocuments.RENDERED_BY_VIGIL + "/api/obligations/" + obligationId + "/notice";
        task.setVariable("noticeReference", reference);
        obligations.prepared(obligationId, reference, NoticeText.fromForm(task::getVariable));
        IncidentIntakeListener.removeTransientFields(task.getExecution());
    }
}
