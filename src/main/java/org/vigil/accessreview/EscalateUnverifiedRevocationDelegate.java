package org.vigil.accessreview;

import static org.vigil.accessreview.AccessRevocationVariables.REVOCATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_EscalateUnverified in access-revocation.bpmn: tells the CISO and IT operations. One mail per revocation. */
@Component
class EscalateUnverifiedRevocationDelegate implements JavaDelegate {

    private final AccessRevocations revocations;

    EscalateUnverifiedRevocationDelegate(AccessRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        revocations.escalateUnverified(REVOCATION_ID.from(execution));
    }
}
