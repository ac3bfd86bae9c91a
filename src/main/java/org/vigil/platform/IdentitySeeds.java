package org.vigil.platform;

import java.util.List;
import java.util.Map;

/** The shape of {@code seeds/identity/*.yaml} and {@code seeds/demo/users.yaml}. */
final class IdentitySeeds {

    private IdentitySeeds() {}

    /** {@code processStarts}: process id to the groups that may start it; every other process only Vigil starts. */
    record GroupsAndGrants(List<GroupSeed> groups, String adminGroup, List<GrantSeed> grants,
            Map<String, List<String>> processStarts, TaskFilterSeeds taskFilters) {
        GroupsAndGrants {
            groups = groups == null ? List.of() : groups;
            grants = grants == null ? List.of() : grants;
            processStarts = processStarts == null ? Map.of() : processStarts;
        }
    }

    record GroupSeed(String id, String name, String type) {}

    record GrantSeed(List<String> groups, String resource, String resourceId, List<String> permissions) {}

    /** {@code variables}: what every card of these filters shows, by process variable name; never PHI. */
    record TaskFilterSeeds(List<String> groups, List<CardVariable> variables, List<TaskFilterView> views) {
        TaskFilterSeeds {
            variables = variables == null ? List.of() : variables;
        }
    }

    /** A variable on Tasklist's cards, as a filter's {@code properties.variables} holds it. */
    record CardVariable(String name, String label) {}

    /** {@code name} is a format with one {@code %s} for the group's name. */
    record TaskFilterView(String view, String name, int priority, String color) {}

    record DemoUsers(String password, List<UserSeed> users) {}

    record UserSeed(String id, String firstName, String lastName, String email, List<String> groups) {}
}
