package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.CHANGES_ONLY;
import static org.vigil.accessreview.AccessReviewVariables.CLOSES_AT;
import static org.vigil.accessreview.AccessReviewVariables.DUE_AT;
import static org.vigil.accessreview.AccessReviewVariables.ITEM_COUNT;
import static org.vigil.accessreview.AccessReviewVariables.REMIND_AT;
import static org.vigil.accessreview.AccessReviewVariables.REVIEWER_COUNT;
import static org.vigil.accessreview.AccessReviewVariables.STARTED_BY;
import static org.vigil.accessreview.AccessReviewVariables.SYSTEM_IDS;

import java.util.Date;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_OpenCampaign: freezes the snapshots and opens the campaign. Safe to re-run: keyed by the instance. */
@Component
class OpenCampaignDelegate implements JavaDelegate {

    private final ReviewCampaigns campaigns;

    OpenCampaignDelegate(ReviewCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String startedBy = STARTED_BY.from(execution);
        boolean changesOnly = Boolean.TRUE.equals(CHANGES_ONLY.from(execution));
        String systemIds = SYSTEM_IDS.from(execution);
        if (!campaigns.mayStart(startedBy)) {
            throw new BpmnError(AccessReviewProcess.Error_NotAllowedToStart, startedBy + " is neither a manager nor the CISO");
        }
        var opened = campaigns.openCampaign(execution.getProcessInstanceId(), startedBy, changesOnly, systemIds);
        CAMPAIGN_ID.set(execution, opened.campaignId());
        ITEM_COUNT.set(execution, opened.itemCount());
        REVIEWER_COUNT.set(execution, opened.reviewerCount());
        DUE_AT.set(execution, Date.from(opened.dueAt()));
        REMIND_AT.set(execution, Date.from(opened.remindAt()));
        CLOSES_AT.set(execution, Date.from(opened.closesAt()));
    }
}
