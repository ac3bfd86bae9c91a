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
 * preview refuses cannot be approved, and the privacy officer reads what it lacks. Sending it back takes a reason,
 * which the next "Prepare the notice" shows: a box left unticked by mistake sends nothing back silently.
 */
@Component
class NoticeApprovedTaskListener implements TaskListener {

    private final Obligations obligations;
    private final NoticeDocuments notices;
    private final Documents documents;
    private final Clock clock;
    private final ExerciseSteps exercise;
    private final ExerciseMarks marks;

    NoticeApprovedTaskListener(Obligations obligations, NoticeDocuments notices, Documents documents, Clock clock, ExerciseSteps exercise,
            ExerciseMarks marks) {
        this.exercise = exercise;
        this.marks = marks;
        this.obligations = obligations;
        this.notices = notices;
        this.documents = documents;
        this.clock = clock;
    }

    static final String SEND_BACK_REASON = "phiSendBackReason";

    @Override
    public void notify(DelegateTask task) {
        long obligationId = OBLIGATION_ID.from(task);
        if (!FormText.flag(task::getVariable, NOTICE_APPROVED.name())) {
            String reason = FormText.text(task::getVariable, SEND_BACK_REASON);
            if (reason == null || reason.isBlank()) {
                throw new BadUserRequestException("Field 'What must change before it can be approved' (" + SEND_BACK_REASON
                        + ") is required to send the notice back; tick 'I have previewed this notice and approve its release' to approve it");
            }
            if (reason.length() > 16_000) {
                throw new BadUserRequestException("Field 'What must change before it can be approved' (" + SEND_BACK_REASON
                        + ") must be at most 16000 characters");
            }
            obligations.sentBack(obligationId, reason.strip());
            IncidentIntakeListener.removeTransientFields(task.getExecution());
            return;
        }
        notices.whyNotRenderable(obligationId, clock.instant()).ifPresent(why -> {
            throw new BadUserRequestException("The notice cannot be approved: " + why + ".");
        });
        obligations.approved(obligationId);
        var obligation = obligations.require(obligationId);
        exercise.noticeApproved(obligation.incidentId());
        if (marks.isExercise(obligation.incidentId())) {
            // Nothing about an exercise leaves Vigil: no print batch (NoticeDocuments#startLetters refuses one).
            return;
        }
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
