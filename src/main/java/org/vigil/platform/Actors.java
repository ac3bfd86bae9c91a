package org.vigil.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who did something, for the record: always the user the engine authenticated for this call, never a variable
 * a caller could have supplied ({@code reportedBy}, {@code startedBy}, {@code decidedBy}...).
 */
public final class Actors {

    /** Recorded when no person acted: a timer, a job, Vigil itself. */
    public static final String VIGIL = "vigil";

    private Actors() {}

    /** The user completing or changing the task; its assignee when Vigil acts on their behalf; else Vigil. */
    public static String of(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : VIGIL;
    }

    /** The user whose call runs this step (a start form's submitter), or null when no person did. */
    public static String of(DelegateExecution execution) {
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
