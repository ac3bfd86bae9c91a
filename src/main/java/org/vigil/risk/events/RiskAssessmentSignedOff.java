package org.vigil.risk.events;

import java.time.Instant;

/** The CISO signed off an assessment: its ratings, treatment and acceptances are the register's; the SoA is versioned. */
public record RiskAssessmentSignedOff(long assessmentId, String kind, String triggerType, Instant signedOffAt, String signedOffBy) {}
