package org.vigil.correctiveaction;

import org.springframework.modulith.NamedInterface;

/**
 * Where an action comes from: a type and the source's own reference, ids only ({@code audit:12:finding:40},
 * {@code incident:7:action:1}, {@code exercise:9:gap:2}).
 */
@NamedInterface("api")
public record ActionSource(String type, String reference) {

    public static final String AUDIT_FINDING = "AUDIT_FINDING";
    public static final String INCIDENT_REVIEW = "INCIDENT_REVIEW";
    public static final String EXERCISE_GAP = "EXERCISE_GAP";
    public static final String MANAGEMENT_REVIEW = "MANAGEMENT_REVIEW";
    public static final String RISK_TREATMENT = "RISK_TREATMENT";
    public static final String MANUAL = "MANUAL";
}
