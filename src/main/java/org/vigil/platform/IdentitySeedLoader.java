package org.vigil.platform;

import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import org.vigil.platform.IdentitySeeds.DemoUsers;
import org.vigil.platform.IdentitySeeds.GrantSeed;
import org.vigil.platform.IdentitySeeds.GroupSeed;
import org.vigil.platform.IdentitySeeds.GroupsAndGrants;
import org.vigil.platform.IdentitySeeds.TaskFilterView;
import org.vigil.platform.IdentitySeeds.UserSeed;

/** Creates what the identity seeds describe and is missing; never duplicates, never removes. */
@Component
class IdentitySeedLoader {

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    IdentitySeedLoader(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    void load(GroupsAndGrants seeds) {
        seeds.groups().forEach(this::ensureGroup);
        if (seeds.adminGroup() != null) {
            for (Resources resource : Resources.values()) {
                ensureGrant(seeds.adminGroup(), resource, "*", Permissions.ALL);
            }
        }
        for (GrantSeed grant : seeds.grants()) {
            Resource resource = Resources.valueOf(grant.resource());
            Permission[] permissions = grant.permissions().stream()
                    .map(name -> permission(name, resource))
                    .toArray(Permission[]::new);
            grant.groups().forEach(group -> ensureGrant(group, resource, grant.resourceId(), permissions));
        }
        if (seeds.taskFilters() != null) {
            Map<String, String> groupNames = seeds.groups().stream()
                    .collect(java.util.stream.Collectors.toMap(GroupSeed::id, GroupSeed::name));
            for (String group : seeds.taskFilters().groups()) {
                for (TaskFilterView view : seeds.taskFilters().views()) {
                    ensureTaskFilter(group, groupNames.getOrDefault(group, group), view);
                }
            }
        }
    }

    void load(DemoUsers demo) {
        for (UserSeed seed : demo.users()) {
            if (identityService.createUserQuery().userId(seed.id()).count() == 0) {
                var user = identityService.newUser(seed.id());
                user.setFirstName(seed.firstName());
                user.setLastName(seed.lastName());
                user.setEmail(seed.email());
                user.setPassword(demo.password());
                identityService.saveUser(user);
            }
            for (String group : seed.groups()) {
                if (identityService.createUserQuery().userId(seed.id()).memberOfGroup(group).count() == 0) {
                    identityService.createMembership(seed.id(), group);
                }
            }
        }
    }

    private void ensureGroup(GroupSeed seed) {
        if (identityService.createGroupQuery().groupId(seed.id()).count() == 0) {
            var group = identityService.newGroup(seed.id());
            group.setName(seed.name());
            group.setType(seed.type());
            identityService.saveGroup(group);
        }
    }

    private void ensureGrant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    private void ensureTaskFilter(String group, String groupName, TaskFilterView view) {
        String name = view.name().formatted(groupName);
        var filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name)
                    .setQuery(queryFor(group, view.view()))
                    .setProperties(Map.of(
                            "priority", view.priority(),
                            "color", view.color(),
                            "description", name,
                            "refresh", true));
            filterService.saveFilter(filter);
        }
        ensureGrant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private TaskQuery queryFor(String group, String view) {
        TaskQuery query = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
        return switch (view) {
            case "open" -> query.orderByDueDate().asc();
            case "due-soon" -> query.dueBeforeExpression("${dateTime().plusDays(7)}").orderByDueDate().asc();
            case "overdue" -> query.dueBeforeExpression("${now()}").orderByDueDate().asc();
            default -> throw new IllegalArgumentException("Unknown task filter view '" + view + "' in the identity seeds");
        };
    }

    private static Permission permission(String name, Resource resource) {
        Permission permission = ResourceTypeUtil.getPermissionByNameAndResourceType(name, resource.resourceType());
        if (permission == null) {
            throw new IllegalArgumentException("Permission " + name + " does not exist for resource " + resource.resourceName());
        }
        return permission;
    }
}
