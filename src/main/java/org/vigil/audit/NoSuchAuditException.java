package org.vigil.audit;

/** No audit of this id (404). */
class NoSuchAuditException extends RuntimeException {

    NoSuchAuditException(long auditId) {
        super("No audit " + auditId);
    }
}
