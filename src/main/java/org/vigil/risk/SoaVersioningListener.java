package org.vigil.risk;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vigil.risk.events.RiskAssessmentSignedOff;

/** Each assessment's sign-off freezes a version of the Statement of Applicability; after commit, retried from the registry. */
@Component
class SoaVersioningListener {

    private final StatementOfApplicability soa;

    SoaVersioningListener(StatementOfApplicability soa) {
        this.soa = soa;
    }

    @ApplicationModuleListener
    void on(RiskAssessmentSignedOff event) {
        soa.versionAt(event);
    }
}
