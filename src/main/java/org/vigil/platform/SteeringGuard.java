package org.vigil.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What a person may steer through the engine's generic APIs (engine REST, Tasklist's and Cockpit's API). The
 * engine checks who may work on a task or start a process; it does not check what a completion writes, nor does it
 * know which of its doors only Vigil should open. So, for a call marked by {@link EngineApiCalls}:
 * <ul>
 * <li>completing a task or submitting its form writes only the fields that the task's form offers, each of the
 * field's type and among its options; the ids and facts that bind an instance to its record are never among
 * them (they are display-only, "disabled", where a form shows them);</li>
 * <li>only a process offered in Tasklist ({@code isStartableInTasklist}) is started, with its start form's fields
 * only, at its start event (no start instructions, no restarts); the engine's grants (seeds/identity) say who may;</li>
 * <li>a task's name, description, priority and due date are not changed by hand (its assignee and owner are);</li>
 * <li>messages, signals, conditions and BPMN errors or escalations thrown from a task are refused to everyone
 * but administrators: Vigil's API is the way in; a message that starts a process is refused to administrators too,
 * since the start would skip the checks of the process's API (who may start it, with what);</li>
 * <li>a process's variables are not set, changed or removed by anyone: they bind the instance to its record and
 * drive its timers.</li>
 * </ul>
 * Administrators are held to the same forms and start events: an instance and its record change through the model.
 * They may still move an instance's tokens (Cockpit's modification, a repair): the records refuse what was done
 * already (a second dispatch, a closed incident).
 * Vigil's own calls (its API, delegates and listeners) are not marked and pass, as do commands nested in a marked
 * one: a listener of a completed task may start what the model says.
 */
@Component
class SteeringGuard extends AbstractProcessEnginePlugin {

    static final String ADMIN_GROUP = AdminMembershipGuard.ADMIN_GROUP;

    private static final Set<Class<?>> ADMIN_ONLY = Set.of(CorrelateMessageCmd.class, CorrelateAllMessageCmd.class,
            CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class, SignalEventReceivedCmd.class, SignalCmd.class,
            EvaluateStartConditionCmd.class, HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class);

    /** Where a person starts a process that the engine's APIs do not start. */
    private static final Map<String, String> MANUAL_STARTS = Map.of("access-review", "POST /api/access-reviews/campaigns",
            "internal-audit", "POST /api/audits", "corrective-action", "POST /api/corrective-actions",
            "management-review", "POST /api/management-reviews", "risk-assessment", "POST /api/risk/assessments");

    /** Deployments never change, so their forms' fields are read once. */
    private final Map<String, FormFields> formsByDeploymentAndKey = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    SteeringGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<CommandInterceptor>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new Interceptor(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        configuration.setResourceAuthorizationProvider(new TaskGrants());
    }

    private final class Interceptor extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Interceptor(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            // Before the command context exists: a command nested in another (a listener's) finds one and passes.
            if (EngineApiCalls.inProgress() && Context.getCommandContext() == null) {
                Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
                if (caller != null && caller.getUserId() != null) {
                    next.execute(context -> {
                        check(command, caller, context);
                        return null;
                    });
                }
            }
            return next.execute(command);
        }
    }

    private void check(Command<?> command, Authentication caller, CommandContext context) {
        if (command instanceof StartProcessInstanceAtActivitiesCmd || command instanceof AbstractRestartProcessInstanceCmd) {
            // Starting elsewhere than at the start event, or without the listeners, skips the intake of the record.
            throw new AuthorizationException("A process starts at its start event, with its listeners: start instructions"
                    + " and restarts are refused");
        } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
                || command instanceof AbstractRemoveVariableCmd || command instanceof SetVariablesToProcessInstancesBatchCmd) {
            throw new AuthorizationException("A process's variables change only through its tasks' forms and Vigil's API:"
                    + " they bind the instance to its record and drive its timers");
        } else if (command instanceof AbstractCorrelateMessageCmd correlation && startsAProcess(read(correlation, "messageName"), context)) {
            throw new AuthorizationException("Message " + read(correlation, "messageName") + " starts a process: only Vigil sends it;"
                    + " start the process with Vigil's API (" + String.join(", ", MANUAL_STARTS.values().stream().sorted().toList()) + ")");
        } else if (ADMIN_ONLY.contains(command.getClass())) {
            if (!isAdministrator(caller)) {
                throw new AuthorizationException("Only Vigil starts or moves processes by messages, signals, conditions"
                        + " or errors thrown from a task; use the task's form or Vigil's API (/api/...)");
            }
        } else if (command instanceof CompleteTaskCmd) {
            checkTaskSubmission(read(command, "taskId"), read(command, "variables"), context);
        } else if (command instanceof SubmitTaskFormCmd) {
            checkTaskSubmission(read(command, "taskId"), read(command, "properties"), context);
        } else if (command instanceof SubmitStartFormCmd) {
            checkStart(read(command, "processDefinitionId"), null, read(command, "variables"), context);
        } else if (command instanceof SaveTaskCmd) {
            checkTaskUpdate(read(command, "task"), caller, context);
        } else if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl start = read(command, "instantiationBuilder");
            checkStart(start.getProcessDefinitionId(), start.getProcessDefinitionKey(), start.getVariables(), context);
        }
    }

    private void checkTaskSubmission(String taskId, Map<String, Object> variables, CommandContext context) {
        if (variables == null || variables.isEmpty()) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessDefinitionId() == null) {
            // The command itself answers for a missing task; Vigil has no tasks outside a process.
            return;
        }
        // Whoever may not work on the task learns nothing of its form: the engine's own refusal, first.
        context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
        ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
        TaskDefinition taskDefinition = definition.getTaskDefinitions().get(task.getTaskDefinitionKey());
        FormFields form = taskDefinition == null ? FormFields.none() : form(definition, taskDefinition.getCamundaFormDefinitionKey(),
                taskDefinition.getCamundaFormDefinitionBinding(), context);
        requireOnlyFormFields(variables, form, "the task \"" + task.getName() + "\"");
    }

    /**
     * Handing a task on (assignee, owner) is part of the work; its name, description, priority and due date come
     * from the model and the SLA policies, and the deadlines follow them, so only administrators change them.
     */
    private static void checkTaskUpdate(TaskEntity changed, Authentication caller, CommandContext context) {
        if (changed == null || changed.getRevision() == 0 || isAdministrator(caller)) {
            return;
        }
        TaskEntity stored = context.getTaskManager().findTaskById(changed.getId());
        if (stored == null) {
            return;
        }
        if (!Objects.equals(stored.getName(), changed.getName()) || !Objects.equals(stored.getDescription(), changed.getDescription())
                || stored.getPriority() != changed.getPriority() || !Objects.equals(stored.getDueDate(), changed.getDueDate())) {
            context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(stored));
            throw new AuthorizationException("A task's name, description, priority and due date come from its process and"
                    + " the SLA policies: only its assignee and owner change by hand");
        }
    }

    private static boolean startsAProcess(String messageName, CommandContext context) {
        return messageName != null && !context.getEventSubscriptionManager().findMessageStartEventSubscriptionByName(messageName).isEmpty();
    }

    private static boolean isAdministrator(Authentication caller) {
        return caller.getGroupIds() != null && caller.getGroupIds().contains(ADMIN_GROUP);
    }

    private void checkStart(String definitionId, String definitionKey, Map<String, Object> variables, CommandContext context) {
        var cache = context.getProcessEngineConfiguration().getDeploymentCache();
        ProcessDefinitionEntity definition = definitionId != null ? cache.findDeployedProcessDefinitionById(definitionId)
                : cache.findDeployedLatestProcessDefinitionByKey(definitionKey);
        if (!definition.isStartableInTasklist()) {
            // Called, message-started and timer-started processes: no person starts them, administrators included.
            throw new AuthorizationException("\"" + definition.getName() + "\" (" + definition.getKey()
                    + ") is started only by Vigil itself" + (MANUAL_STARTS.containsKey(definition.getKey())
                            ? "; start it with " + MANUAL_STARTS.get(definition.getKey()) : ""));
        }
        if (variables == null || variables.isEmpty()) {
            return;
        }
        var startForm = definition.getStartFormDefinition();
        FormFields form = startForm == null ? FormFields.none()
                : form(definition, startForm.getCamundaFormDefinitionKey(), startForm.getCamundaFormDefinitionBinding(), context);
        requireOnlyFormFields(variables, form, "the start of \"" + definition.getName() + "\"");
    }

    private FormFields form(ProcessDefinitionEntity definition, Expression formKey, String binding, CommandContext context) {
        if (formKey == null || binding == null) {
            return FormFields.none();
        }
        String key = formKey.getExpressionText();
        return formsByDeploymentAndKey.computeIfAbsent(definition.getDeploymentId() + "/" + binding + "/" + key, cacheKey -> {
            var formDefinition = new GetCamundaFormDefinitionCmd(new CamundaFormRefImpl(key, binding), definition.getDeploymentId())
                    .execute(context);
            if (formDefinition == null) {
                return FormFields.none();
            }
            var resource = context.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(formDefinition.getDeploymentId(), formDefinition.getResourceName());
            return resource == null ? FormFields.none() : FormFields.parse(resource.getBytes(), json);
        });
    }

    /** Refuses, naming the variable (never its value), whatever the form does not offer to submit. */
    private static void requireOnlyFormFields(Map<String, Object> variables, FormFields form, String where) {
        for (String name : variables.keySet()) {
            var field = form.submittable(name).orElseThrow(() -> new FormFieldValidationException(name,
                    "Variable " + name + " is not a field of " + where + " (form " + form.formId()
                            + "): a person submits only what the form offers"));
            // Typed where the map keeps types: a VariableMap's plain get would deserialize an object first.
            Object value = variables instanceof VariableMap typedMap ? typedMap.getValueTyped(name) : variables.get(name);
            if (value instanceof ObjectValue rows && "dynamiclist".equals(field.type())
                    && JsonListVariables.FORMAT.equals(rows.getSerializationDataFormat())) {
                // A dynamic list's rows, as Tasklist sends them: JSON text, read as plain JSON (never as a class).
                value = rows.isDeserialized() ? rows.getValue() : parseJson(rows.getValueSerialized(), name);
            } else if (value instanceof TypedValue typed) {
                if (typed.getType() != null && !typed.getType().isPrimitiveValueType()) {
                    throw new FormFieldValidationException(name,
                            "'" + field.label() + "' (" + name + ") takes a plain value, not an object or a file");
                }
                value = typed.getValue();
            }
            field.refusal(value).ifPresent(reason -> {
                throw new FormFieldValidationException(name, reason);
            });
        }
    }

    private static Object parseJson(String text, String name) {
        try {
            return text == null ? null : new ObjectMapper().readValue(text, Object.class);
        } catch (java.io.IOException e) {
            throw new FormFieldValidationException(name, "'" + name + "' is not valid JSON");
        }
    }

    /** The engine's commands keep their arguments in protected fields; 7.24 is the last release, so they stay put. */
    @SuppressWarnings("unchecked")
    private static <T> T read(Object command, String fieldName) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(fieldName);
                field.setAccessible(true);
                return (T) field.get(command);
            } catch (NoSuchFieldException e) {
                // Declared higher up (ResolveTaskCmd extends CompleteTaskCmd).
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + fieldName + " of " + command.getClass().getSimpleName(), e);
            }
        }
        throw new IllegalStateException(command.getClass().getSimpleName() + " has no field " + fieldName);
    }
}
