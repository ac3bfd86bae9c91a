package org.vigil.platform;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code camunda-admin} always keeps a direct member: removing the last one, deleting that user or the group
 * itself is refused on every path (Java API, REST, Admin webapp). With no direct member, 7.24.0 would reopen
 * the Admin setup endpoint to anyone. Whoever may not make the change at all is refused by the engine's own
 * authorization check first (403), as for anything else they may not do.
 */
@Component
class AdminMembershipGuard extends AbstractProcessEnginePlugin {

    static final String ADMIN_GROUP = "camunda-admin";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(GuardedIdentityProvider.class));
    }

    /** The engine's own database identity provider, refusing to leave the administrators' group empty. */
    public static class GuardedIdentityProvider extends DbIdentityServiceProvider {

        @Override
        public IdentityOperationResult deleteMembership(String userId, String groupId) {
            checkAuthorization(Permissions.DELETE, Resources.GROUP_MEMBERSHIP, groupId);
            if (ADMIN_GROUP.equals(groupId)) {
                ensureAnotherAdministratorThan(userId);
            }
            return super.deleteMembership(userId, groupId);
        }

        @Override
        public IdentityOperationResult deleteUser(String userId) {
            checkAuthorization(Permissions.DELETE, Resources.USER, userId);
            if (isDirectAdministrator(userId)) {
                ensureAnotherAdministratorThan(userId);
            }
            return super.deleteUser(userId);
        }

        @Override
        public IdentityOperationResult deleteGroup(String groupId) {
            checkAuthorization(Permissions.DELETE, Resources.GROUP, groupId);
            if (ADMIN_GROUP.equals(groupId)) {
                throw new BadUserRequestException("The group " + ADMIN_GROUP + " cannot be deleted: Vigil's administrators belong to it.");
            }
            return super.deleteGroup(groupId);
        }

        private boolean isDirectAdministrator(String userId) {
            return countAdministrators(userId, true) > 0;
        }

        private void ensureAnotherAdministratorThan(String userId) {
            if (isDirectAdministrator(userId) && countAdministrators(userId, false) == 0) {
                throw new BadUserRequestException("User " + userId + " is the last direct member of " + ADMIN_GROUP
                        + ": add another administrator first.");
            }
        }

        /** Counts direct members of the admin group that are (or are not) the given user, regardless of who asks. */
        private long countAdministrators(String userId, boolean thisUser) {
            CommandContext commandContext = getCommandContext();
            return commandContext.runWithoutAuthorization(() -> {
                var query = new DbUserQueryImpl();
                query.memberOfGroup(ADMIN_GROUP);
                return findUserByQueryCriteria(query).stream()
                        .filter(user -> user.getId().equals(userId) == thisUser)
                        .count();
            });
        }
    }
}
