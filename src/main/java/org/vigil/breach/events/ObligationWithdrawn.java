package org.vigil.breach.events;

/** A re-plan no longer finds the duty: the obligation is no longer owed (kept in breach's records, with its reason). */
public record ObligationWithdrawn(long obligationId, long incidentId) {}
