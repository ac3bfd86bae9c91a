package org.vigil.audit;

/** A refusal of the audit's rules: not allowed (403) or not now (409). Never carries free text a person typed. */
class AuditRefusedException extends RuntimeException {

    enum Kind { FORBIDDEN, CONFLICT }

    private final Kind kind;

    AuditRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
