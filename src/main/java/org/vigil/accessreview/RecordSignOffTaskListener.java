package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.ATTESTED;
import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.SIGN_OFF_COMMENT;
import static org.vigil.accessreview.AccessReviewVariables.SYSTEM_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_SignOffSystem, event complete: records the owner's attestation for the system; the comment stays out of the process. */
@Component
class RecordSignOffTaskListener extends AccessReviewTaskListener {

    private final CampaignClosing closing;

    RecordSignOffTaskListener(CampaignClosing closing) {
        this.closing = closing;
    }

    @Override
    void act(DelegateTask task) {
        if (!Boolean.TRUE.equals(ATTESTED.from(task))) {
            throw new IllegalArgumentException("'I confirm the review of this system' (attested): check it to sign the review"
                    + " of the system off; the owner confirms before the campaign closes");
        }
        closing.signOff(CAMPAIGN_ID.from(task), SYSTEM_ID.from(task), actingUser(task), SIGN_OFF_COMMENT.from(task));
        SIGN_OFF_COMMENT.remove(task.getExecution());
    }
}
