package org.vigil.breach;

import static org.vigil.breach.NotificationObligationVariables.NOTICE_APPROVED;
import static org.vigil.breach.NotificationObligationVariables.OBLIGATION_ID;

import java.time.Clock;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vigil.documents.Documents;
import org.vigil.documents.MissingFactsException;

/**
 * Completion of Task_ApproveNotice: an approved notice is released, and for a notice to individuals whose list has
 * been uploaded the print batch starts at once, one letter per person. Approved means renderable: a notice the
 * preview refuses cannot be approved, and the privacy officer reads what it lacks.
 */
@Component
class NoticeApprovedTaskListener implements TaskListener {

    private final Obligations obligations;
    private final NoticeDocuments notices;
    private final Documents documents;
    private final Clock clock;

    NoticeApprovedTaskListener(Obligations obligations, NoticeDocuments notices, Documents documents, Clock clock) {
        this.obligations = obligations;
        this.notices = notices;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!FormText.flag(task::getVariable, NOTICE_APPROVED.name())) {
            return;
        }
        long obligationId = OBLIGATION_ID.from(task);
        notices.whyNotRenderable(obligationId, clock.instant()).ifPresent(why -> {
            throw new BadUserRequestException("The notice cannot be approved: " + why + ".");
        });
        obligations.approved(obligationId);
        var obligation = obligations.require(obligationId);
        boolean toIndividuals = NoticeKinds.isLetter(NoticeKinds.kindFor(obligation));
        if (toIndividuals && documents.affectedCounts(NoticeDocuments.listOf(obligation.incidentId())).total() > 0) {
            try {
                notices.startLetters(obligationId);
            } catch (MissingFactsException e) {
                throw new BadUserRequestException("The letters cannot be made: " + e.inPlainWords() + ".");
            } catch (IllegalStateException e) {
                throw new BadUserRequestException("The letters cannot be made: " + e.getMessage());
            }
        }
    }
}
