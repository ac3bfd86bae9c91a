package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewProcess.*;

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
        String startedBy = (String) execution.getVariable(STARTED_BY);
        boolean changesOnly = Boolean.TRUE.equals(execution.getVariable(CHANGES_ONLY));
        String systemIds = (String) execution.getVariable(SYSTEM_IDS);
        if (!campaigns.mayStart(startedBy)) {
            throw new BpmnError(Error_NotAllowedToStart, startedBy + " is neither a manager nor the CISO");
        }
        var opened = campaigns.openCampaign(execution.getProcessInstanceId(), startedBy, changesOnly, systemIds);
        execution.setVariable(CAMPAIGN_ID, opened.campaignId());
        execution.setVariable(ITEM_COUNT, opened.itemCount());
        execution.setVariable(REVIEWER_COUNT, opened.reviewerCount());
        execution.setVariable(DUE_AT, Date.from(opened.dueAt()));
        execution.setVariable(REMIND_AT, Date.from(opened.remindAt()));
        execution.setVariable(CLOSES_AT, Date.from(opened.closesAt()));
    }
}
