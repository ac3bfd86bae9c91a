package org.vigil.risk;

/** No asset, risk or assessment of that id: 404. */
class NoSuchRiskRecordException extends RuntimeException {
    NoSuchRiskRecordException(String what) {
        super(what + " does not exist");
    }
}
