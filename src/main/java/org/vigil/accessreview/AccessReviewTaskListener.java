package org.vigil.accessreview;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.vigil.platform.Actors;

/** What the access-review task listeners share: who acts on a task. */
abstract class AccessReviewTaskListener implements TaskListener {

    /** The logged-in user completing the task in Tasklist or through the REST API, else its assignee. */
    static String actingUser(DelegateTask task) {
        return Actors.of(task);
    }
}
