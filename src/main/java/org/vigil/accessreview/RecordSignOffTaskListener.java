package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewProcess.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewProcess.SYSTEM_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_SignOffSystem, event complete: records the owner's attestation for the system; the comment stays out of the process. */
@Component
class RecordSignOffTaskListener extends AccessReviewTaskListener {

    static final String ATTESTED = "attested";
    static final String COMMENT = "signOffComment";

    private final CampaignClosing closing;

    RecordSignOffTaskListener(CampaignClosing closing) {
        this.closing = closing;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(ATTESTED))) {
            throw new IllegalArgumentException("attested: the owner confirms the review of the system before signing it off");
        }
        closing.signOff(longVariable(task, CAMPAIGN_ID), (String) task.getVariable(SYSTEM_ID), actingUser(task),
                (String) task.getVariable(COMMENT));
        task.getExecution().removeVariable(COMMENT);
    }
}
