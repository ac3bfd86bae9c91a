package org.vigil.breach;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A scenario of seeds/breach/exercises/: a fictional incident as it is reported ({@code report}, its moments given
 * as durations before the exercise starts) and the facts the facilitator hands the participants when they ask for
 * them, by the keys of the triage, investigation and risk-assessment forms.
 */
record ExerciseScenario(String id, String title, Report report, Map<String, Object> triage, Map<String, Object> investigation,
        Map<String, Object> riskAssessment, String facilitatorNotes) {

    ExerciseScenario {
        triage = triage == null ? Map.of() : Map.copyOf(triage);
        investigation = investigation == null ? Map.of() : Map.copyOf(investigation);
        riskAssessment = riskAssessment == null ? Map.of() : Map.copyOf(riskAssessment);
    }

    /** {@code occurred} and {@code discovered}: how long before the start. */
    record Report(List<String> systemsInvolved, List<String> dataCategories, Map<String, Number> affectedEstimate, Duration occurred,
            Duration discovered) {}

    /** The report as {@code POST /api/incidents} would take it, for an exercise started at {@code start}. */
    IncidentReport reportAt(Instant start) {
        return new IncidentReport(null, title, "Breach-response exercise on scenario " + id + ": fictional facts, no real patient.",
                report.occurred() == null ? null : start.minus(report.occurred()).atOffset(ZoneOffset.UTC),
                start.minus(report.discovered()).atOffset(ZoneOffset.UTC), "Exercise facilitator",
                report.systemsInvolved(), report.dataCategories(),
                report.affectedEstimate() == null ? Map.of() : new java.util.TreeMap<>(report.affectedEstimate()));
    }
}
