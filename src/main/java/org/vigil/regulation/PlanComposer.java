package org.vigil.regulation;

import org.vigil.regulation.NotificationPlan.Ambiguity;
import org.vigil.regulation.NotificationPlan.NotRequired;
import org.vigil.regulation.NotificationPlan.Notification;
import org.vigil.regulation.Rule.AmbiguityDefinition;
import org.vigil.regulation.Rule.HipaaTreatment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a validated request into a plan: expands each rule of the catalog to the jurisdictions the incident touches,
 * rules duties in or out with a reason, and computes each deadline with its ambiguities resolved to the earliest
 * reading (A.7). One instance per catalog; each call works on its own {@link Run}.
 */
final class PlanComposer {

    private final RuleCatalog catalog;

    PlanComposer(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    NotificationPlan compose(PlanRequest request) {
        var run = new Run(new IncidentFacts(request, catalog));
        for (Rule rule : catalog.rules()) {
            run.evaluate(rule);
        }
        run.reportCoverageGaps();
        return run.toPlan();
    }

    /** One reading of a duty under an ambiguity; {@code ref} null = the catalog's primary reading. */
    private record Candidate(String ref, String text, OffsetDateTime deadline) {
    }

    private final class Run {
        private final IncidentFacts facts;
        private final Map<String, List<PlacedNotice>> placedByRule = new HashMap<>();
        private final Set<String> consideredJurisdictions = new HashSet<>();
        private final List<Notification> notifications = new ArrayList<>();
        private final List<NotRequired> notRequired = new ArrayList<>();
        private final List<Ambiguity> ambiguities = new ArrayList<>();

        private final DutyScreen screen;
        private final DeadlineReadings readings;

        Run(IncidentFacts facts) {
            this.facts = facts;
            this.screen = new DutyScreen(facts, catalog);
            this.readings = new DeadlineReadings(facts, catalog, this::find);
        }

        void evaluate(Rule rule) {
            for (Duty target : targets(rule)) {
                if (rule.jurisdiction().equals(target.jurisdiction())) {
                    consideredJurisdictions.add(target.jurisdiction());
                }
                Optional<String> ruledOut = screen.ruledOut(rule, target);
                if (ruledOut.isPresent()) {
                    notRequired.add(new NotRequired(target.recipient(), target.jurisdiction(), ruledOut.get()));
                } else {
                    place(rule, target);
                }
            }
        }

        // ---- which jurisdictions a rule reaches

        private List<Duty> targets(Rule rule) {
            List<String> codes = switch (rule.jurisdiction()) {
                case "each_us_state" -> facts.affectedCodes("US");
                case "each_eu_member_state" -> facts.gdprApplies() ? facts.affectedCodes("EU") : List.of();
                case "eu_supervisory_authorities" -> facts.gdprApplies() ? supervisoryAuthorities() : List.of();
                case "nis2_member_states" -> facts.mainEstablishment().map(me -> List.of("EU-" + me))
                        .orElseGet(() -> facts.affectedCodes("EU"));
                case "eu_gdpr" -> facts.gdprApplies() ? List.of("EU") : List.of();
                case "uk_gdpr" -> facts.ukGdprApplies() ? List.of("UK") : List.of();
                default -> facts.count(rule.jurisdiction()) > 0 ? List.of(rule.jurisdiction()) : List.of();
            };
            return codes.stream().map(code -> new Duty(recipientFor(rule, code), code, facts.count(code))).toList();
        }

        /** G7: the lead SA of the main establishment (one-stop-shop), otherwise every SA whose residents are affected. */
        private List<String> supervisoryAuthorities() {
            // An Art. 27 representative does not bring the one-stop-shop: its member state is not a lead authority.
            return facts.mainEstablishment().map(me -> List.of("EU-" + me)).orElseGet(() -> facts.affectedCodes("EU"));
        }

        private String recipientFor(Rule rule, String code) {
            return code.startsWith("EU-") ? rule.recipient().replace("{member_state}", code.substring(3)) : rule.recipient();
        }

        // ---- deadlines

        private void place(Rule rule, Duty target) {
            var primary = readings.reading(rule.clock(), target, null);
            if (primary == null) {
                notRequired.add(new NotRequired(target.recipient(), target.jurisdiction(),
                        "no " + String.join(" or ", rule.clock().notice()) + " notice is due, so nothing to time this notice by ("
                                + rule.basis() + ")"));
                return;
            }
            List<String> parts = new ArrayList<>();
            if (rule.threshold() != null) {
                parts.add(screen.thresholdMet(rule, target));
            }
            parts.add(primary.explanation());

            List<Candidate> candidates = new ArrayList<>();
            candidates.add(new Candidate(null, null, primary.deadline()));
            boolean held = rule.lawEnforcementDelay() && facts.hold != null;
            if (primary.deadline() != null) {
                for (AmbiguityDefinition ambiguity : applicable(rule)) {
                    readings.alternativeReading(rule, target, ambiguity, primary)
                            .ifPresent(deadline -> candidates.add(new Candidate(ambiguity.ref(), ambiguity.text(), deadline)));
                }
                if (held) {
                    candidates.replaceAll(c -> new Candidate(c.ref(), c.text(), readings.afterHold(rule, c.deadline())));
                    parts.add(readings.holdExplanation(rule));
                    for (AmbiguityDefinition ambiguity : applicable(rule)) {
                        if (ambiguity.kind() == Rule.AmbiguityKind.LAW_ENFORCEMENT_TOLLING && facts.hold.delayDays() > 0) {
                            LocalDate tolled = primary.deadline().toLocalDate().plusDays(facts.hold.delayDays());
                            candidates.add(new Candidate(ambiguity.ref(), ambiguity.text(), readings.endOfDay(tolled)));
                        }
                    }
                }
            } else if (held) {
                parts.add("law-enforcement hold until " + facts.hold.lastDay() + " (" + facts.hold.description()
                        + "); do not release the notice before then");
            }

            OffsetDateTime deadline = earliest(candidates);
            if (deadline != null) {
                for (AmbiguityDefinition ambiguity : applicable(rule)) {
                    if (ambiguity.kind() == Rule.AmbiguityKind.WEEKEND_EXTENSION) {
                        LocalDate due = deadline.toLocalDate();
                        LocalDate rolled = DeadlineCalculator.rollForward(due, DeadlineCalculator::isWeekday);
                        if (!rolled.equals(due)) {
                            candidates.add(new Candidate(ambiguity.ref(), ambiguity.text() + " (" + ambiguity.statute() + ")",
                                    readings.endOfDay(rolled)));
                        }
                    }
                }
            }

            // C8, 6-1-716(3)(b): where the shorter of the state and HIPAA deadlines controls, take HIPAA's if earlier.
            if (deadline != null && facts.isHipaaEntity() && rule.hipaaEntities() == HipaaTreatment.SHORTEST_DEADLINE_WINS) {
                PlacedNotice hipaa = find(List.of(rule.hipaaComparison()), "US");
                if (hipaa != null && hipaa.deadline() != null && hipaa.deadline().isBefore(deadline)) {
                    parts.add("the HIPAA notice " + hipaa.label() + " is due earlier, " + hipaa.deadline().toLocalDate()
                            + ", and the shortest deadline controls" + DutyScreen.note(rule.hipaaNote()));
                    deadline = hipaa.deadline();
                } else {
                    parts.add("shorter than the HIPAA deadline, so it controls" + DutyScreen.note(rule.hipaaNote()));
                }
            }

            OffsetDateTime alternative = null;
            List<String> ambiguityTexts = new ArrayList<>();
            if (deadline != null) {
                OffsetDateTime primaryDeadline = candidates.get(0).deadline();
                for (Candidate candidate : candidates.subList(1, candidates.size())) {
                    if (candidate.deadline().isEqual(primaryDeadline) && candidate.deadline().isEqual(deadline)) {
                        continue;
                    }
                    OffsetDateTime other = candidate.deadline().isAfter(deadline) ? candidate.deadline() : primaryDeadline;
                    if (!other.isAfter(deadline)) {
                        continue;
                    }
                    alternative = alternative == null || other.isAfter(alternative) ? other : alternative;
                    String text = candidate.ref() + ": " + candidate.text();
                    if (!ambiguityTexts.contains(text)) {
                        ambiguityTexts.add(text);
                        ambiguities.add(new Ambiguity(candidate.ref(), target.recipient(), target.jurisdiction(),
                                candidate.text(), deadline, other));
                    }
                }
                if (alternative != null) {
                    parts.add("earliest reading used; the other reading gives " + readable(alternative));
                }
            }
            parts.addAll(incidentNotes(rule));
            if (rule.advice() != null) {
                parts.add(rule.advice());
            }

            placedByRule.computeIfAbsent(rule.id(), id -> new ArrayList<>())
                    .add(new PlacedNotice(target.recipient(), target.jurisdiction(), deadline));
            notifications.add(new Notification(
                    target.recipient(),
                    target.jurisdiction(),
                    rule.regime(),
                    rule.basis(),
                    rule.confidence().name(),
                    primary.rule(),
                    deadline,
                    deadline == null ? null : deadline.toInstant(),
                    held ? facts.hold.holdUntil() : null,
                    alternative,
                    ambiguityTexts.isEmpty() ? null : String.join(" ", ambiguityTexts),
                    String.join("; ", parts)));
        }

        private List<AmbiguityDefinition> applicable(Rule rule) {
            return rule.ambiguities().stream().filter(a -> !a.hipaaEntitiesOnly() || facts.isHipaaEntity()).toList();
        }

        private List<String> incidentNotes(Rule rule) {
            List<String> notes = new ArrayList<>();
            if (rule.appliesTo().hipaaBreach() && facts.safeHarborLostWithKey()) {
                notes.add("encryption safe harbor lost: the key was compromised too (H4)");
            }
            if (rule.appliesTo().hipaaBreach() && facts.request.riskAssessmentConclusion() == null) {
                notes.add("no risk assessment conclusion given: presumed a breach (164.402(2))");
            }
            boolean gdpr = rule.appliesTo().gdprRoles() != null || rule.appliesTo().gdprRiskLevels() != null;
            if (gdpr && facts.request.gdpr() == null) {
                notes.add("GDPR details not supplied: taken as controller, aware at discovery, every affected supervisory authority");
            }
            if (rule.appliesTo().gdprRiskLevels() != null && !facts.gdprRiskAssessed()) {
                notes.add("risk level not assessed: treated as high until assessed");
            }
            return notes;
        }

        private PlacedNotice find(List<String> ruleIds, String jurisdiction) {
            for (String id : ruleIds) {
                List<PlacedNotice> placed = placedByRule.getOrDefault(id, List.of());
                for (PlacedNotice p : placed) {
                    if (p.jurisdiction().equals(jurisdiction)) {
                        return p;
                    }
                }
                if (placed.size() == 1) {
                    return placed.get(0);
                }
            }
            return null;
        }

        // ---- the answer

        /** A state the incident touches but the catalog does not know must not pass silently. */
        void reportCoverageGaps() {
            for (String code : facts.affectedCodes("US")) {
                if (!consideredJurisdictions.contains(code)) {
                    ambiguities.add(new Ambiguity("catalog_coverage", null, code, "Catalog " + catalog.version()
                            + " has no rule for " + catalog.jurisdictionName(code) + " (" + code
                            + "): its breach law was not assessed; ask counsel before relying on this plan.", null, null));
                }
            }
        }

        NotificationPlan toPlan() {
            List<Notification> sorted = new ArrayList<>(notifications);
            // Wording-only duties (immediately, without undue delay) first: they are due now.
            sorted.sort(Comparator.comparing(Notification::deadlineUtc, Comparator.nullsFirst(Comparator.naturalOrder())));
            return new NotificationPlan(!sorted.isEmpty(), catalog.version(), List.copyOf(sorted),
                    List.copyOf(notRequired), List.copyOf(ambiguities));
        }
    }

    private static OffsetDateTime earliest(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::deadline).filter(d -> d != null)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** A day-based deadline reads as its date; an hour-based one needs its time. */
    private static String readable(OffsetDateTime deadline) {
        return deadline.toLocalTime().equals(java.time.LocalTime.of(23, 59, 59))
                ? deadline.toLocalDate().toString() : deadline.toString();
    }

}
