package org.vigil.managementreview;

import static org.vigil.managementreview.ManagementReviewVariables.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_RenderDocument: the signed-off record as a PDF, stored with its SHA-256 kept with the review. Safe to re-run. */
@Component
class RenderReviewDocumentDelegate implements JavaDelegate {

    private final ManagementReviewDocuments documents;

    RenderReviewDocumentDelegate(ManagementReviewDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        documents.signedOffPdf(REVIEW_ID.from(execution));
    }
}
