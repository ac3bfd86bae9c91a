package org.vigil.platform;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Links into Tasklist and Cockpit that a given person can follow. The engine's own authorizations decide, asked the
 * way the webapps ask them (a task query and an instance query run as that person), so a link is offered exactly when
 * the webapp would show what it points to: a candidate group, the assignee, a grant on the task or on its process.
 */
@Component
public class WebappLinks {

    /**
     * For one viewer: {@code tasklist} and {@code cockpit} hold a link for each task and process instance they may
     * open; {@code assignees} names who holds each assigned task, whoever may open it; {@code groupNames} every group.
     */
    public record Access(Map<String, String> tasklist, Map<String, String> cockpit, Map<String, String> assignees,
            Map<String, String> groupNames) {

        public static final Access NONE = new Access(Map.of(), Map.of(), Map.of(), Map.of());
    }

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;

    WebappLinks(IdentityService identityService, AuthorizationService authorizationService, TaskService taskService,
            RuntimeService runtimeService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    public static String tasklistLink(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    public static String cockpitLink(String processInstanceId) {
        return "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId;
    }

    /** A handful of queries for a whole page of rows, not one per row. */
    public Access of(String userId, Collection<String> taskIds, Collection<String> processInstanceIds) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        Map<String, String> groupNames = identityService.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, group -> group.getName() == null ? group.getId() : group.getName()));
        Map<String, String> assignees = assigneesOf(taskIds);

        Map<String, String> tasklist = new HashMap<>();
        if (!taskIds.isEmpty() && mayUse(userId, groups, "tasklist")) {
            for (Task task : as(userId, groups, () -> taskService.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list())) {
                tasklist.put(task.getId(), tasklistLink(task.getId()));
            }
        }
        Map<String, String> cockpit = new HashMap<>();
        if (!processInstanceIds.isEmpty() && mayUse(userId, groups, "cockpit")) {
            for (ProcessInstance instance : as(userId, groups,
                    () -> runtimeService.createProcessInstanceQuery().processInstanceIds(Set.copyOf(processInstanceIds)).list())) {
                cockpit.put(instance.getId(), cockpitLink(instance.getId()));
            }
        }
        return new Access(tasklist, cockpit, assignees, groupNames);
    }

    /** Who holds each assigned task, by name where the directory has one: asked without anyone's authorizations. */
    private Map<String, String> assigneesOf(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> assigneeOfTask = as(null, null, () -> taskService.createTaskQuery()
                .taskIdIn(taskIds.toArray(String[]::new)).taskAssigned().list()).stream()
                .collect(Collectors.toMap(Task::getId, Task::getAssignee));
        if (assigneeOfTask.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = identityService.createUserQuery().userIdIn(Set.copyOf(assigneeOfTask.values()).toArray(String[]::new))
                .list().stream().collect(Collectors.toMap(User::getId, WebappLinks::nameOf));
        Map<String, String> assignees = new HashMap<>();
        assigneeOfTask.forEach((task, user) -> assignees.put(task, names.getOrDefault(user, user)));
        return assignees;
    }

    private boolean mayUse(String userId, List<String> groups, String webapp) {
        return authorizationService.isUserAuthorized(userId, groups, Permissions.ACCESS, Resources.APPLICATION, webapp);
    }

    /** Runs a query as {@code userId} (or as nobody in particular when null), then puts back whoever was there. */
    private <T> T as(String userId, List<String> groups, Supplier<T> query) {
        Authentication before = identityService.getCurrentAuthentication();
        try {
            if (userId == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(userId, groups);
            }
            return query.get();
        } finally {
            if (before == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(before);
            }
        }
    }

    private static String nameOf(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
