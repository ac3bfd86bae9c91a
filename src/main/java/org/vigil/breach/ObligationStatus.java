package org.vigil.breach;

public enum ObligationStatus { OPEN, PREPARED, APPROVED, SENT, MISSED, SENT_LATE }
