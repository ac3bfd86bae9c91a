package org.vigil.breach;

import static org.vigil.breach.NotificationObligationVariables.OBLIGATION_ID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vigil.platform.Actors;

/**
 * Completion of Task_RecordDispatch: date, channel and proof of sending (164.414(b)); never before a hold ends, and
 * only once: whatever completes the task, a recorded dispatch is corrected by {@link DispatchCorrections}, not rewritten.
 */
@Component
class DispatchRecordedTaskListener implements TaskListener {

    private final Obligations obligations;
    private final NoticeDocuments notices;
    private final Replanning replanning;

    DispatchRecordedTaskListener(Obligations obligations, NoticeDocuments notices, Replanning replanning) {
        this.obligations = obligations;
        this.notices = notices;
        this.replanning = replanning;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            long obligationId = OBLIGATION_ID.from(task);
            // A second completion (an instance modified in Cockpit, say) must not rewrite what was recorded.
            if (obligations.require(obligationId).isSent()) {
                throw new IllegalArgumentException(DispatchCorrections.alreadyRecorded(obligationId));
            }
            var sentAt = FormText.dateTime(task.getVariable("sentAt"), "sentAt");
            String channel = FactChecks.channel(FormText.text(task::getVariable, "channel"), "channel");
            if (sentAt == null || channel == null) {
                throw new IllegalArgumentException("Fields sentAt and channel are required");
            }
            var letters = notices.letters(obligationId);
            if (letters.isPresent() && !"DONE".equals(letters.get().status())) {
                throw new IllegalArgumentException("The letters are not ready (" + letters.get().done() + " of " + letters.get().total()
                        + ", " + letters.get().status().toLowerCase(java.util.Locale.ROOT) + "): record the dispatch once the print file is complete");
            }
            // What is recorded as sent is what the preview renders, as of the day it went out.
            var whyNot = notices.whyNotRenderable(obligationId, sentAt.toInstant());
            if (whyNot.isPresent()) {
                throw new IllegalArgumentException("The notice cannot be recorded as sent: " + whyNot.get() + ".");
            }
            // The print file's checksum joins the proof: the burden of proof is ours.
            String proof = FormText.text(task::getVariable, "proof");
            String evidence = notices.letterEvidence(obligationId).orElse(null);
            obligations.recordDispatch(obligationId, sentAt.toInstant(), channel,
                    evidence == null ? proof : proof == null ? evidence : proof + "; " + evidence);
            // Names and addresses are no longer needed on disk once the letters are out; the checksums are the record.
            notices.lettersDispatched(obligationId, sentAt.toInstant());
            // The model plans the incident again after this task (Task_PlanAgainAfterSending); instances started
            // from an earlier version of the model lack that step, so for them it happens here as it used to.
            if (task.getProcessEngineServices().getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
                    .getModelElementById(NotificationObligationProcess.Task_PlanAgainAfterSending) == null) {
                replanning.afterSending(obligationId, Actors.of(task));
            }
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
