package org.vigil.audit;

/** A change to an audit that is closed: its record is evidence now and no longer changes (409). */
class AuditClosedException extends RuntimeException {

    private final long auditId;

    AuditClosedException(long auditId) {
        super("Audit " + auditId + " is closed: its record no longer changes");
        this.auditId = auditId;
    }

    long auditId() {
        return auditId;
    }
}
