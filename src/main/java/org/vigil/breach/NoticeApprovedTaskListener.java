package org.vigil.breach;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vigil.documents.DocumentKind;
import org.vigil.documents.Documents;
import org.vigil.documents.MissingFactsException;

/**
 * Completion of Task_ApproveNotice: an approved notice is released, and for a notice to individuals whose list has
 * been uploaded the print batch starts at once, one letter per person. A notice whose letters cannot be made (facts
 * missing) cannot be approved: the privacy officer sees which facts are missing.
 */
@Component
class NoticeApprovedTaskListener implements TaskListener {

    private final Obligations obligations;
    private final NoticeDocuments notices;
    private final Documents documents;

    NoticeApprovedTaskListener(Obligations obligations, NoticeDocuments notices, Documents documents) {
        this.obligations = obligations;
        this.notices = notices;
        this.documents = documents;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!FormText.flag(task::getVariable, "noticeApproved")) {
            return;
        }
        long obligationId = NotificationObligationProcess.obligationId(task);
        obligations.approved(obligationId);
        var obligation = obligations.require(obligationId);
        boolean toIndividuals = NoticeDocuments.kindFor(obligation.recipient()) == DocumentKind.INDIVIDUAL_NOTICE;
        if (toIndividuals && documents.affectedCounts(NoticeDocuments.listOf(obligation.incidentId())).total() > 0) {
            try {
                notices.startLetters(obligationId);
            } catch (MissingFactsException | IllegalStateException e) {
                throw new BadUserRequestException("The letters cannot be made: " + e.getMessage());
            }
        }
    }
}
