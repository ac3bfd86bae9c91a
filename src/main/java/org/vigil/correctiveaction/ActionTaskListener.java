package org.vigil.correctiveaction;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.vigil.platform.Actors;

/**
 * What the corrective-action task listeners share: a bad input becomes the engine's {@link BadUserRequestException}
 * (400 with the message naming the form's label, shown in Tasklist), a refusal of the rules an
 * {@link AuthorizationException} (403), never a 500. After a step is stored, its {@code phi*} fields are removed from
 * the process: what people wrote lives encrypted in the action's row.
 */
abstract class ActionTaskListener implements TaskListener {

    @Override
    public final void notify(DelegateTask task) {
        try {
            act(task);
        } catch (IllegalArgumentException | NoSuchActionException e) {
            throw new BadUserRequestException(e.getMessage());
        } catch (ActionRefusedException e) {
            throw new AuthorizationException(e.getMessage());
        }
    }

    abstract void act(DelegateTask task);

    static long actionId(DelegateTask task) {
        return CorrectiveActionVariables.ACTION_ID.from(task);
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static String actingUser(DelegateTask task) {
        return Actors.of(task);
    }

    /** Removes the task's form fields that may hold patient data, and those given, from the process. */
    static void removeFormFields(DelegateTask task, String... others) {
        var execution = task.getExecution();
        execution.getVariableNames().stream()
                .filter(name -> name.startsWith("phi") && name.length() > 3 && Character.isUpperCase(name.charAt(3)))
                .toList()
                .forEach(execution::removeVariable);
        for (String name : others) {
            execution.removeVariable(name);
        }
    }
}
