package org.vigil.accessreview;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * processes/access-revocation.bpmn: one instance per revocation, business key {@code revocation-<id>}.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
@Component
public class AccessRevocationProcess {

    public static final String KEY = "access-revocation";
    static final String SubProcess_RemoveAccess = "SubProcess_RemoveAccess";
    static final String Task_Deprovision = "Task_Deprovision";
    static final String Task_VerifyRemoval = "Task_VerifyRemoval";
    static final String BoundaryEvent_VerificationOverdue = "BoundaryEvent_VerificationOverdue";
    static final String Task_EscalateUnverified = "Task_EscalateUnverified";
    static final String EndEvent_AccessRemoved = "EndEvent_AccessRemoved";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final HistoryService history;

    AccessRevocationProcess(RuntimeService runtime, TaskService tasks, IdentityService identity, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.identity = identity;
    }

    static String businessKey(long revocationId) {
        return "revocation-" + revocationId;
    }

    /**
     * Starts the de-provisioning of a revocation unless an instance for it ever ran (running or ended, by business
     * key): the caller has claimed the start ({@link AccessRevocations#startDeprovisioning}); this also covers
     * revocations handed over before that claim existed.
     */
    void start(Rows.RevocationRow revocation) {
        asSystem(() -> {
            if (history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                    .processInstanceBusinessKey(businessKey(revocation.id())).count() == 0) {
                var variables = new java.util.HashMap<String, Object>();
                AccessRevocationVariables.REVOCATION_ID.put(variables, revocation.id());
                AccessRevocationVariables.CAMPAIGN_ID.put(variables, revocation.campaignId());
                AccessRevocationVariables.SYSTEM_ID.put(variables, revocation.systemId());
                AccessRevocationVariables.ACCOUNT.put(variables, revocation.account());
                AccessRevocationVariables.ENTITLEMENT.put(variables, revocation.entitlement());
                runtime.startProcessInstanceByKey(KEY, businessKey(revocation.id()), variables);
            }
        });
    }

    /**
     * The next snapshot no longer holds the revoked access: the verification task is done. Runs as the system, not
     * as the importer, whose group may not see the CISO's verification task.
     */
    void removalVerifiedBySnapshot(long revocationId) {
        asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey(revocationId))
                .taskDefinitionKey(Task_VerifyRemoval).list()
                .forEach(task -> tasks.complete(task.getId(), Map.of(AccessRevocationVariables.VERIFIED_BY_SNAPSHOT.name(), true))));
    }

    private void asSystem(Runnable work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            work.run();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
