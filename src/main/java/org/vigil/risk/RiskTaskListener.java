package org.vigil.risk;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.vigil.platform.Actors;

/**
 * What the risk-assessment task listeners share: a bad input becomes the engine's {@link BadUserRequestException}
 * (400 naming the field, shown on the form in Tasklist), a refusal of who acts an {@link AuthorizationException} (403
 * with the rule), a signed-off assessment a 409; never a 500.
 */
abstract class RiskTaskListener implements TaskListener {

    @Override
    public final void notify(DelegateTask task) {
        try {
            if (EVENTNAME_CREATE.equals(task.getEventName())) {
                created(task);
            } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                completed(task);
            }
        } catch (IllegalArgumentException | NoSuchRiskRecordException e) {
            throw new BadUserRequestException(e.getMessage());
        } catch (RiskRefusedException e) {
            throw new AuthorizationException(e.getMessage());
        }
    }

    void created(DelegateTask task) {}

    void completed(DelegateTask task) {}

    static String actingUser(DelegateTask task) {
        return Actors.of(task);
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * The form's fields are stored in the register: removed, so that the next risk's form starts empty. What a form
     * shows filled in is set on the task's execution (not the task): the engine REST's complete writes there, Tasklist's
     * submit through the task, and both must replace it.
     */
    static void removeFormFields(DelegateTask task) {
        for (String name : RiskAssessmentVariables.FORM_FIELDS) {
            task.getExecution().removeVariable(name);
        }
    }

    static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
