package org.vigil.notification;

import java.util.HashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * processes/mail-delivery-failed.bpmn: one instance each time a mail is given up, business key {@code mail-<id>}.
 * Started by Vigil only, in the transaction that marks the mail failed; nobody holds the right to start it.
 */
@Component
class FailedMailProcess {

    static final String KEY = "mail-delivery-failed";
    static final String Task_DecideOnFailedMail = "Task_DecideOnFailedMail";
    static final String Gateway_SendAgain = "Gateway_SendAgain";
    static final String Task_SendAgain = "Task_SendAgain";
    static final String EndEvent_MailQueuedAgain = "EndEvent_MailQueuedAgain";
    static final String EndEvent_MailGivenUp = "EndEvent_MailGivenUp";

    private final RuntimeService runtime;
    private final IdentityService identity;

    FailedMailProcess(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    static String businessKey(long mailId) {
        return "mail-" + mailId;
    }

    void start(long mailId) {
        // As Vigil, not as whoever's request happens to run on this thread.
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            var variables = new HashMap<String, Object>();
            FailedMailVariables.MAIL_ID.put(variables, mailId);
            runtime.startProcessInstanceByKey(KEY, businessKey(mailId), variables);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
