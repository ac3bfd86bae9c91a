package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewProcess.CAMPAIGN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_PublishReport: renders and keeps the campaign report; the campaign is read-only from now on. Safe to re-run. */
@Component
class PublishReportDelegate implements JavaDelegate {

    private final CampaignClosing closing;

    PublishReportDelegate(CampaignClosing closing) {
        this.closing = closing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("reportSha256", closing.close(((Number) execution.getVariable(CAMPAIGN_ID)).longValue()));
    }
}
