package org.vigil.breach;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_RecordDispatch: date, channel and proof of sending (164.414(b)); never before a hold ends. */
@Component
class DispatchRecordedTaskListener implements TaskListener {

    private final Obligations obligations;

    DispatchRecordedTaskListener(Obligations obligations) {
        this.obligations = obligations;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            var sentAt = FormText.dateTime(task.getVariable("sentAt"), "sentAt");
            String channel = FormText.text(task::getVariable, "channel");
            if (sentAt == null || channel == null) {
                throw new IllegalArgumentException("Fields sentAt and channel are required");
            }
            obligations.recordDispatch(NotificationObligationProcess.obligationId(task), sentAt.toInstant(), channel,
                    FormText.text(task::getVariable, "proof"));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
