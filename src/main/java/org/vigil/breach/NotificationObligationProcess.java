package org.vigil.breach;

import static org.vigil.breach.NotificationObligationVariables.INCIDENT_ID;
import static org.vigil.breach.NotificationObligationVariables.JURISDICTION;
import static org.vigil.breach.NotificationObligationVariables.NOTICE_RECIPIENT;
import static org.vigil.breach.NotificationObligationVariables.OBLIGATION_ID;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The element ids of processes/notification-obligation.bpmn, its starter, and moving its timers on a re-plan. Its
 * variables are read and written through {@link NotificationObligationVariables}.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
@Component
public class NotificationObligationProcess {

    public static final String KEY = "notification-obligation";

    static final String Task_PrepareNotice = "Task_PrepareNotice";
    static final String Task_ApproveNotice = "Task_ApproveNotice";
    static final String Task_RecordDispatch = "Task_RecordDispatch";
    static final String Task_PlanAgainAfterSending = "Task_PlanAgainAfterSending";
    static final String Task_FollowUpMissedNotice = "Task_FollowUpMissedNotice";
    static final String Task_RemindGroup = "Task_RemindGroup";
    static final String Task_EscalateToLeadAndCiso = "Task_EscalateToLeadAndCiso";
    static final String Task_MarkMissed = "Task_MarkMissed";
    static final String Event_HoldLifted = "Event_HoldLifted";
    static final String BoundaryEvent_ReminderDue = "BoundaryEvent_ReminderDue";
    static final String BoundaryEvent_EscalationDue = "BoundaryEvent_EscalationDue";
    static final String BoundaryEvent_DeadlinePassed = "BoundaryEvent_DeadlinePassed";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final ObligationCards cards;
    private final ExerciseMarks exercises;

    NotificationObligationProcess(RuntimeService runtime, ManagementService management, TaskService tasks, ObligationCards cards,
            ExerciseMarks exercises) {
        this.exercises = exercises;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.cards = cards;
    }

    /** Starts the notice's process; whom it goes to is kept beside the ids for Tasklist's cards. */
    String start(Obligation obligation) {
        var variables = new java.util.HashMap<String, Object>();
        OBLIGATION_ID.put(variables, obligation.id());
        INCIDENT_ID.put(variables, obligation.incidentId());
        NOTICE_RECIPIENT.put(variables, cards.recipient(obligation));
        JURISDICTION.put(variables, obligation.jurisdiction());
        if (exercises.isExercise(obligation.incidentId())) {
            BreachResponseVariables.EXERCISE.put(variables, true);
        }
        return runtime.startProcessInstanceByKey(KEY, businessKey(obligation.id()), variables).getId();
    }

    static String businessKey(long obligationId) {
        return "obligation-" + obligationId;
    }

    /** A re-plan withdrew the obligation: its tasks and timers go, its history stays. */
    void end(String processInstanceId, String reason) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtime.deleteProcessInstance(processInstanceId, reason);
        }
    }

    /** A re-plan moved the deadline: the pending timers of this obligation follow it. */
    void moveTimers(String processInstanceId, Date reminderAt, Date escalationAt, Date deadline, Date holdUntil) {
        for (var job : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            var activity = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
            Date due = switch (activity) {
                case BoundaryEvent_ReminderDue -> reminderAt;
                case BoundaryEvent_EscalationDue -> escalationAt;
                case BoundaryEvent_DeadlinePassed -> deadline;
                case Event_HoldLifted -> holdUntil;
                default -> null;
            };
            if (due != null) {
                management.setJobDuedate(job.getId(), due);
            }
        }
    }

    /**
     * The open notice task is due at the deadline and comes up again at the reminder, as when it was created; its
     * name says the new deadline ("Prepare the notice: Texas attorney general, incident 42, due ..."), as the model's
     * name would have said it then.
     */
    void moveTaskDates(Obligation obligation, Date deadline, Date followUp) {
        for (Task task : tasks.createTaskQuery().processInstanceId(obligation.processInstanceId())
                .taskDefinitionKeyIn(Task_PrepareNotice, Task_ApproveNotice, Task_RecordDispatch).list()) {
            String name = renamed(task.getName(), cards.titleOf(obligation));
            if (!deadline.equals(task.getDueDate()) || !followUp.equals(task.getFollowUpDate()) || !name.equals(task.getName())) {
                task.setDueDate(deadline);
                task.setFollowUpDate(followUp);
                task.setName(name);
                tasks.saveTask(task);
            }
        }
    }

    /**
     * The step's words stay ("Prepare the notice", after an exercise's "EXERCISE: "), the card's title after the colon
     * is the obligation's as it is now.
     */
    static String renamed(String name, String title) {
        String mark = name != null && name.startsWith(ExerciseCards.PREFIX) ? ExerciseCards.PREFIX : "";
        int colon = name == null ? -1 : name.indexOf(": ", mark.length());
        return colon < 0 ? name : name.substring(0, colon + 2) + title;
    }
}
