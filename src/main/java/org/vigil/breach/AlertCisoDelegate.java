package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.CATEGORY;
import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;
import static org.vigil.breach.BreachResponseVariables.SEVERITY;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vigil.notification.MailRequest;
import org.vigil.notification.Notifications;

/** Service task Task_AlertCiso: patient safety at stake, the CISO hears of it at once. Safe to re-run: one mail per incident. */
@Component
class AlertCisoDelegate implements JavaDelegate {

    private final Notifications notifications;
    private final BreachLinks links;
    private final ExerciseMarks exercises;

    AlertCisoDelegate(Notifications notifications, BreachLinks links, ExerciseMarks exercises) {
        this.exercises = exercises;
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incidentId = INCIDENT_ID.from(execution);
        // An exercise's alert reaches the CISO only if the CISO takes part in it (ExerciseMarks).
        notifications.queue(exercises.mail(incidentId, MailRequest.toGroups("incident:" + incidentId + ":patient-safety-alert", "patient-safety-alert",
                List.of("ciso"), Map.of(
                        "incidentId", Long.toString(incidentId),
                        "category", String.valueOf(CATEGORY.from(execution)).replace('_', ' '),
                        "severity", String.valueOf(SEVERITY.from(execution)),
                        "link", links.cockpit(execution.getProcessInstanceId())))));
    }
}
