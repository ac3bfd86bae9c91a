package org.vigil.notification;

import static org.vigil.platform.ProcessVariable.longVariable;
import static org.vigil.platform.ProcessVariable.stringVariable;

import org.vigil.platform.ProcessVariable;

/** The variables of processes/mail-delivery-failed.bpmn, the one place that spells their names. */
final class FailedMailVariables {

    private FailedMailVariables() {}

    /** The outbox row: what the mail is, whom it goes to and what went wrong are read from it, never copied here. */
    static final ProcessVariable<Long> MAIL_ID = longVariable("mailId");
    /** IT operations' answer in the form: {@code send-again} or {@code give-up}. */
    static final ProcessVariable<String> DECISION = stringVariable("decision");
}
