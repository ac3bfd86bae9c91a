package org.vigil.platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vigil.platform.IdentitySeeds.CardVariable;
import org.vigil.platform.IdentitySeeds.DemoUsers;
import org.vigil.platform.IdentitySeeds.GrantSeed;
import org.vigil.platform.IdentitySeeds.GroupSeed;
import org.vigil.platform.IdentitySeeds.GroupsAndGrants;
import org.vigil.platform.IdentitySeeds.TaskFilterView;
import org.vigil.platform.IdentitySeeds.UserSeed;

/**
 * Makes the engine's groups, grants and shared filters what the identity seeds describe: creates what is missing,
 * never duplicates, and takes from the seeded groups any grant on the managed resources that the seeds no longer give.
 */
@Component
class IdentitySeedLoader {

    private static final Logger log = LoggerFactory.getLogger(IdentitySeedLoader.class);

    /** What the seeds decide alone; tasks and filters get their grants from the engine and from this loader. */
    private static final List<Resource> MANAGED_RESOURCES = List.of(Resources.APPLICATION, Resources.PROCESS_DEFINITION,
            Resources.PROCESS_INSTANCE, Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION);

    private record GrantKey(String group, Resource resource, String resourceId) {}

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
        Map<GrantKey, Set<Permission>> wanted = wantedGrants(seeds);
        wanted.forEach((key, permissions) -> grantExactly(key, permissions));
        revokeWhatTheSeedsNoLongerGive(seeds, wanted);
        TaskGrants.narrowExistingTaskGrants(authorizationService);
        if (seeds.taskFilters() != null) {
            Map<String, String> groupNames = seeds.groups().stream()
                    .collect(java.util.stream.Collectors.toMap(GroupSeed::id, GroupSeed::name));
            for (String group : seeds.taskFilters().groups()) {
                for (TaskFilterView view : seeds.taskFilters().views()) {
                    ensureTaskFilter(group, groupNames.getOrDefault(group, group), view, seeds.taskFilters().variables());
                }
            }
        }
    }

    /** The seeded grants merged per group and resource, with the start rights as CREATE_INSTANCE grants. */
    private static Map<GrantKey, Set<Permission>> wantedGrants(GroupsAndGrants seeds) {
        Map<GrantKey, Set<Permission>> wanted = new LinkedHashMap<>();
        for (GrantSeed grant : seeds.grants()) {
            Resource resource = Resources.valueOf(grant.resource());
            for (String group : grant.groups()) {
                var permissions = wanted.computeIfAbsent(new GrantKey(group, resource, grant.resourceId()), key -> new LinkedHashSet<>());
                grant.permissions().forEach(name -> permissions.add(permission(name, resource)));
            }
        }
        seeds.processStarts().forEach((processKey, groups) -> {
            for (String group : groups) {
                wanted.computeIfAbsent(new GrantKey(group, Resources.PROCESS_DEFINITION, processKey), key -> new LinkedHashSet<>())
                        .addAll(List.of(Permissions.READ, Permissions.CREATE_INSTANCE));
                // Starting needs CREATE on instances too; the definition's CREATE_INSTANCE says which processes.
                wanted.computeIfAbsent(new GrantKey(group, Resources.PROCESS_INSTANCE, "*"), key -> new LinkedHashSet<>())
                        .add(Permissions.CREATE);
            }
        });
        return wanted;
    }

    /**
     * Takes away what a seeded group holds on the resources the seeds manage and the seeds no longer give: a start
     * right removed from the file (or the old grant of every start to everyone) is gone after the next start.
     */
    private void revokeWhatTheSeedsNoLongerGive(GroupsAndGrants seeds, Map<GrantKey, Set<Permission>> wanted) {
        String[] groups = seeds.groups().stream().map(GroupSeed::id)
                .filter(group -> !group.equals(seeds.adminGroup())).toArray(String[]::new);
        if (groups.length == 0) {
            return;
        }
        for (Resource resource : MANAGED_RESOURCES) {
            for (Authorization authorization : authorizationService.createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groups).resourceType(resource).list()) {
                var key = new GrantKey(authorization.getGroupId(), resource, authorization.getResourceId());
                if (!wanted.containsKey(key)) {
                    log.info("Grant on {} {} taken from group {}: the identity seeds no longer give it",
                            resource.resourceName(), authorization.getResourceId(), authorization.getGroupId());
                    authorizationService.deleteAuthorization(authorization.getId());
                }
            }
        }
    }

    /** Creates the grant or sets its permissions to exactly these. */
    private void grantExactly(GrantKey key, Set<Permission> permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(key.group()).resourceType(key.resource()).resourceId(key.resourceId()).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(key.group());
            authorization.setResource(key.resource());
            authorization.setResourceId(key.resourceId());
        } else if (granted(authorization, key.resource()).equals(permissions)) {
            return;
        }
        authorization.setPermissions(permissions.toArray(Permission[]::new));
        authorizationService.saveAuthorization(authorization);
    }

    private static Set<Permission> granted(Authorization authorization, Resource resource) {
        Permission[] known = Arrays.stream(ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType()))
                .filter(permission -> permission.getValue() != Permissions.ALL.getValue() && permission.getValue() != 0)
                .toArray(Permission[]::new);
        return new LinkedHashSet<>(Arrays.asList(authorization.getPermissions(known)));
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

    /** Creates the filter, or brings an existing one's properties (its cards' variables among them) up to the seeds. */
    private void ensureTaskFilter(String group, String groupName, TaskFilterView view, List<CardVariable> variables) {
        String name = view.name().formatted(groupName);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", view.priority());
        properties.put("color", view.color());
        properties.put("description", name);
        properties.put("refresh", true);
        properties.put("variables", variables.stream()
                .map(variable -> Map.of("name", variable.name(), "label", variable.label())).toList());
        // Tasklist's own default: a card shows the variables its task's process has, no "undefined" for the rest.
        properties.put("showUndefinedVariable", false);
        var filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name).setQuery(queryFor(group, view.view())).setProperties(properties);
            filterService.saveFilter(filter);
        } else if (!same(properties, filter.getProperties())) {
            log.info("Task filter '{}' brought up to the identity seeds: {}", name, properties);
            filterService.saveFilter(filter.setProperties(properties));
        }
        ensureGrant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    /** Equal as the filter's JSON holds them: a number read back may be of another Number class than the seeds'. */
    private static boolean same(Object wanted, Object stored) {
        if (wanted instanceof Map<?, ?> want && stored instanceof Map<?, ?> have) {
            return want.keySet().equals(have.keySet()) && want.keySet().stream().allMatch(key -> same(want.get(key), have.get(key)));
        }
        if (wanted instanceof List<?> want && stored instanceof List<?> have) {
            return want.size() == have.size()
                    && java.util.stream.IntStream.range(0, want.size()).allMatch(i -> same(want.get(i), have.get(i)));
        }
        return String.valueOf(wanted).equals(String.valueOf(stored));
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
