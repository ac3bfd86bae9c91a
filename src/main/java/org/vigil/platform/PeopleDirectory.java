package org.vigil.platform;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who is who, for the capabilities that must reach people (e-mail addresses of users and group members) or ask who may. */
@Component
public class PeopleDirectory {

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    PeopleDirectory(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    /** Whether the user may start this process: the start rights of {@code seeds/identity/groups-and-grants.yaml}. */
    public boolean mayStart(String userId, String processKey) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        return authorizationService.isUserAuthorized(userId, groups, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, processKey);
    }

    public Optional<String> emailOf(String userId) {
        return Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                .map(User::getEmail)
                .filter(email -> !email.isBlank());
    }

    /** "Pat Privacy": first and last name as the identity service has them, else the user id itself. */
    public String displayNameOf(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return String.valueOf(userId);
        }
        String name = (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }

    /** Whether a group of people who work on tasks exists under this id (not a system group such as the administrators). */
    public boolean isWorkflowGroup(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            return false;
        }
        // Asked on Vigil's account: the engine shows a user only the groups they may read, and a caller need not read
        // a group to name it as the owner of something.
        var caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
            return group != null && "WORKFLOW".equals(group.getType());
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    /** "Privacy office": the group's name, else its id. */
    public String groupNameOf(String groupId) {
        Group group = groupId == null ? null : identityService.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null || group.getName().isBlank() ? String.valueOf(groupId) : group.getName();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    public List<String> emailsOfGroup(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getEmail)
                .filter(Objects::nonNull)
                .filter(email -> !email.isBlank())
                .toList();
    }

    public List<String> membersOf(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
    }
}
