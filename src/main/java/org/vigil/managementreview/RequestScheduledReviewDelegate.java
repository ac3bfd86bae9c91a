package org.vigil.managementreview;

import static org.vigil.managementreview.ManagementReviewVariables.REVIEW_KIND;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_RequestReview of the schedule models (monthly, annual): starts management-review.bpmn with the
 * schedule's kind. Safe to re-run: keyed by the schedule's instance.
 */
@Component
class RequestScheduledReviewDelegate implements JavaDelegate {

    private final ManagementReviewProcess process;

    RequestScheduledReviewDelegate(ManagementReviewProcess process) {
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        process.startScheduled(REVIEW_KIND.from(execution), execution.getProcessInstanceId());
    }
}
