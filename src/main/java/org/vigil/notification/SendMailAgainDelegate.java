package org.vigil.notification;

import static org.vigil.notification.FailedMailVariables.MAIL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_SendAgain in mail-delivery-failed.bpmn: IT operations fixed the cause and want the mail sent.
 * Safe to re-run: a mail that is no longer failed (queued again, or sent meanwhile) is left as it is.
 */
@Component
class SendMailAgainDelegate implements JavaDelegate {

    private final MailFailures failures;

    SendMailAgainDelegate(MailFailures failures) {
        this.failures = failures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        failures.sendAgain(MAIL_ID.from(execution));
    }
}
