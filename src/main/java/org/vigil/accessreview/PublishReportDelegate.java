package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.REPORT_SHA256;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service tasks Task_PublishReport and Task_CloseEmptyCampaign: renders and keeps the campaign report; the campaign is read-only from now on. Safe to re-run. */
@Component
class PublishReportDelegate implements JavaDelegate {

    private final CampaignClosing closing;

    PublishReportDelegate(CampaignClosing closing) {
        this.closing = closing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        REPORT_SHA256.set(execution, closing.close(CAMPAIGN_ID.from(execution)));
    }
}
