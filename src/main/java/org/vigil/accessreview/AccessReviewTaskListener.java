package org.vigil.accessreview;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.vigil.platform.Actors;
import org.vigil.platform.StateConflict;

/**
 * What the access-review task listeners share: who acts on a task, and how a refusal reaches the person. A bad
 * input (a reason missing, a box left unchecked) becomes the engine's {@link BadUserRequestException} (400 with the
 * message, naming the form's label, on the engine REST API and in Tasklist), a refusal of the rules a 403 or a 409,
 * never a 500.
 */
abstract class AccessReviewTaskListener implements TaskListener {

    @Override
    public final void notify(DelegateTask task) {
        try {
            act(task);
        } catch (IllegalArgumentException | NoSuchCampaignException e) {
            throw new BadUserRequestException(e.getMessage());
        } catch (ReviewRefusedException e) {
            if (e.kind() == ReviewRefusedException.Kind.FORBIDDEN) {
                throw new AuthorizationException(e.getMessage());
            }
            throw new StateConflict("Refused", e.getMessage(), Map.of());
        }
    }

    abstract void act(DelegateTask task);

    /** The logged-in user completing the task in Tasklist or through the REST API, else its assignee. */
    static String actingUser(DelegateTask task) {
        return Actors.of(task);
    }
}
