package org.vigil.breach;

/** WITHDRAWN: a re-plan no longer finds the duty (the facts changed); kept, with the reason, never deleted. */
public enum ObligationStatus { OPEN, PREPARED, APPROVED, SENT, MISSED, SENT_LATE, WITHDRAWN }
