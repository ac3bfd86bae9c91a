package org.vigil.breach;

/**
 * WITHDRAWN: the plan no longer finds the duty (the facts changed) and the privacy office confirmed it, or the
 * assessment's plan dropped a provisional duty; kept, with who, when and why, never deleted.
 */
public enum ObligationStatus { OPEN, PREPARED, APPROVED, SENT, MISSED, SENT_LATE, WITHDRAWN }
