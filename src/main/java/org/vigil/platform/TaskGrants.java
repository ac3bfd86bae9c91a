package org.vigil.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a task's candidates and assignee may do with it: see it, claim, complete and hand it on (TASK_WORK,
 * TASK_ASSIGN), never UPDATE. The engine's default, UPDATE, would let them set any variable of the process through
 * the task, or rename the task and move its due date; completing stays the only way to write, and a completion
 * writes only what the task's form declares ({@link SteeringGuard}).
 */
class TaskGrants extends DefaultAuthorizationProvider {

    private static final Logger log = LoggerFactory.getLogger(TaskGrants.class);

    @Override
    protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
        List<Permission> permissions = new ArrayList<>(List.of(Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN));
        if (enforceSpecificVariablePermission) {
            permissions.add(TaskPermissions.READ_VARIABLE);
        }
        return permissions.toArray(Permission[]::new);
    }

    /** Tasks created before Vigil narrowed the grants keep UPDATE until this runs once at start. */
    static void narrowExistingTaskGrants(AuthorizationService authorizations) {
        int narrowed = 0;
        List<Authorization> batch;
        do {
            batch = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).listPage(0, 500);
            for (Authorization grant : batch) {
                if ("*".equals(grant.getResourceId())) {
                    // A grant on every task is an administrator's, given on purpose.
                    continue;
                }
                grant.removePermission(Permissions.UPDATE);
                grant.addPermission(TaskPermissions.TASK_WORK);
                grant.addPermission(TaskPermissions.TASK_ASSIGN);
                authorizations.saveAuthorization(grant);
                narrowed++;
            }
        } while (batch.stream().anyMatch(grant -> !"*".equals(grant.getResourceId())));
        if (narrowed > 0) {
            log.info("{} task grant(s) narrowed from UPDATE to claim, complete and assign", narrowed);
        }
    }
}
