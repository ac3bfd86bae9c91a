package org.vigil.audit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.events.CorrectiveActionClosed;

/**
 * A finding's corrective action closed: the finding closes, and when it was the audit's last open one the audit's
 * process hears {@code AuditFindingsClosed} and closes the audit. After commit, retried from the registry.
 */
@Component
class FindingsClosedListener {

    private final Audits audits;
    private final InternalAuditProcess process;

    FindingsClosedListener(Audits audits, InternalAuditProcess process) {
        this.audits = audits;
        this.process = process;
    }

    @ApplicationModuleListener
    void on(CorrectiveActionClosed event) {
        if (!ActionSource.AUDIT_FINDING.equals(event.sourceType())) {
            return;
        }
        audits.actionClosed(event.sourceReference(), event.closedAt()).ifPresent(process::findingsClosed);
    }
}
