package org.vigil.sla;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * On every user task of every model: SLA policies set its due and follow-up dates when it is created, and the
 * deadline registry follows it until it is completed or deleted.
 *
 * <p>A listener inside the engine's transaction, not an event: the due date must be on the task when Tasklist first
 * shows it, the registry must never disagree with the task list, and an event per task would add a registry row to
 * every step of every process (the engine-overhead benchmark's path).
 */
@Component
class UserTaskDeadlineListener extends AbstractProcessEnginePlugin implements TaskListener {

    private final Deadlines deadlines;
    private final SlaPolicies policies;
    private final Clock clock;

    UserTaskDeadlineListener(@Lazy Deadlines deadlines, SlaPolicies policies, Clock clock) {
        this.deadlines = deadlines;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new java.util.ArrayList<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener>()
                : new java.util.ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new OnEveryUserTaskParseListener(this));
        configuration.setCustomPostBPMNParseListeners(parseListeners);
    }

    /** Attaches the listener to every user task of every deployed model. */
    private static final class OnEveryUserTaskParseListener extends AbstractBpmnParseListener {
        private final TaskListener listener;

        OnEveryUserTaskParseListener(TaskListener listener) {
            this.listener = listener;
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            for (String event : new String[] {EVENTNAME_CREATE, EVENTNAME_UPDATE, EVENTNAME_COMPLETE, EVENTNAME_DELETE}) {
                definition.addTaskListener(event, listener);
            }
        }
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                applyPolicy(task);
                track(task, true);
            }
            case EVENTNAME_UPDATE -> track(task, false);
            case EVENTNAME_COMPLETE -> deadlines.complete(DeadlineSpec.USER_TASK, task.getId(), clock.instant());
            case EVENTNAME_DELETE -> deadlines.cancel(DeadlineSpec.USER_TASK, task.getId());
            default -> { }
        }
    }

    private void applyPolicy(DelegateTask task) {
        String process = processKey(task);
        policies.datesFor(process, task.getTaskDefinitionKey(), task::getVariable, clock.instant()).ifPresent(dates -> {
            task.setDueDate(Date.from(dates.due()));
            if (dates.followUp() != null) {
                task.setFollowUpDate(Date.from(dates.followUp()));
            }
        });
    }

    private void track(DelegateTask task, boolean isNew) {
        if (task.getDueDate() == null || isExercise(task)) {
            return;
        }
        var created = task.getCreateTime() == null ? clock.instant() : task.getCreateTime().toInstant();
        var spec = new DeadlineSpec(DeadlineSpec.USER_TASK, task.getId(), processKey(task), task.getTaskDefinitionKey(),
                task.getProcessInstanceId(), task.getId(), task.getName(), candidateGroup(task), created,
                task.getDueDate().toInstant(), null, null);
        if (isNew) {
            deadlines.trackNew(spec);
        } else {
            deadlines.track(spec);
        }
    }

    /**
     * A task of a breach-response exercise (process variable {@code exercise} true) gets its dates from the policies like
     * any other, so that the exercise is measured against them, but the registry never follows it: an exercise counts in
     * no real figure.
     */
    static boolean isExercise(DelegateTask task) {
        return Boolean.TRUE.equals(task.getVariable(EXERCISE));
    }

    static final String EXERCISE = "exercise";

    private static String processKey(DelegateTask task) {
        String definitionId = task.getProcessDefinitionId();
        return definitionId == null ? "unknown" : definitionId.substring(0, definitionId.indexOf(':'));
    }

    private static String candidateGroup(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .findFirst()
                .orElse(task.getAssignee() != null ? "user:" + task.getAssignee() : "unassigned");
    }
}
