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
 * rules duties in or out with a reason, and computes each deadline by the catalog's primary reading; where the law
 * leaves another reading open and no fact settles it (A.7), that reading is the alternative, flagged as an ambiguity
 * (PLAN-API.md, readings settled). One instance per catalog; each call works on its own {@link Run}.
 *
 * <p>Longer than our usual class: it follows RULES.md's composition steps in their order, so a reviewer reads the
 * law's logic top to bottom in one place; the arithmetic itself lives in {@link DeadlineCalculator}.
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

    /** The later reading and the ambiguity texts of one notification. */
    private record Flagged(OffsetDateTime alternative, List<String> texts) {
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
            List<Duty> duties = targets(rule);
            if (duties.isEmpty()) {
                return;
            }
            if (rule.jurisdiction().equals(duties.get(0).jurisdiction())) {
                consideredJurisdictions.add(rule.jurisdiction());
            }
            Optional<String> ruledOut = screen.ruledOutForIncident(rule);
            if (ruledOut.isPresent()) {
                // One line for the whole US, not one per state, when the reason has nothing to do with the state.
                if (rule.jurisdiction().equals("each_us_state")) {
                    notRequired.add(new NotRequired(rule.recipient(), "US", ruledOut.get()));
                } else {
                    duties.forEach(duty -> notRequired.add(new NotRequired(duty.recipient(), duty.jurisdiction(), ruledOut.get())));
                }
                return;
            }
            for (Duty duty : duties) {
                Optional<String> belowThreshold = screen.ruledOutByThreshold(rule, duty);
                if (belowThreshold.isPresent()) {
                    notRequired.add(new NotRequired(duty.recipient(), duty.jurisdiction(), belowThreshold.get()));
                } else {
                    place(rule, duty);
                }
            }
        }

        // ---- which jurisdictions a rule reaches

        private List<Duty> targets(Rule rule) {
            List<String> codes = switch (rule.jurisdiction()) {
                case "each_us_state" -> facts.affectedCodes("US");
                case "each_eu_member_state" -> facts.gdprApplies() ? memberStatesOrEu() : List.of();
                case "eu_supervisory_authorities" -> facts.gdprApplies() ? supervisoryAuthorities() : List.of();
                case "nis2_member_states" -> facts.mainEstablishment().map(me -> List.of("EU-" + me))
                        .orElseGet(() -> facts.affectedCodes("EU"));
                case "eu_gdpr" -> facts.gdprApplies() ? List.of("EU") : List.of();
                case "uk_gdpr" -> facts.ukGdprApplies() ? List.of("UK") : List.of();
                default -> facts.count(rule.jurisdiction()) > 0 ? List.of(rule.jurisdiction()) : List.of();
            };
            return codes.stream().map(code -> new Duty(recipientFor(rule, code), code, facts.count(code))).toList();
        }

        /** The member states of the affected data subjects; "EU" when GDPR applies to no resident of a member state. */
        private List<String> memberStatesOrEu() {
            var codes = facts.affectedCodes("EU");
            return codes.isEmpty() ? List.of("EU") : codes;
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
            var national = nis2Transposition(rule, target);
            var primary = readings.reading(national.map(t -> nationalClock(rule, t)).orElse(rule.clock()), target, null);
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

            List<AmbiguityDefinition> ambiguitiesHere = applicable(rule);
            boolean held = rule.lawEnforcementDelay() && facts.hold != null;
            List<Candidate> candidates = readingsOf(rule, target, primary, ambiguitiesHere, held, parts);
            OffsetDateTime deadline = candidates.get(0).deadline();
            addWeekendExtensions(deadline, ambiguitiesHere, candidates);
            deadline = shortestWithHipaa(rule, deadline, parts);
            Flagged flagged = flagAmbiguities(target, candidates, deadline);
            if (flagged.alternative() != null) {
                parts.add("primary reading used; the other reading gives " + readable(flagged.alternative()));
            }
            parts.addAll(incidentNotes(rule));
            parts.addAll(screen.definitionNotes(rule));
            if (rule.nis2Stage() != null) {
                parts.add(national.map(t -> "national law: " + t.law() + "; reports to " + t.authority()
                                + (t.periodsAsDirective() ? "" : "; national periods differ: " + t.note()))
                        .orElse("no national transposition in force in the catalog for " + target.jurisdiction()
                                + ": the Directive's periods"));
            }
            if (rule.advice() != null) {
                parts.add(rule.advice());
            }

            placedByRule.computeIfAbsent(rule.id(), id -> new ArrayList<>())
                    .add(new PlacedNotice(target.recipient(), target.jurisdiction(), deadline, primary.rule()));
            notifications.add(new Notification(
                    rule.id(),
                    target.recipient(),
                    target.jurisdiction(),
                    national.map(Nis2Transposition::law).orElse(rule.regime()),
                    national.map(t -> t.basis(rule.nis2Stage()) + " (" + rule.basis() + ")").orElse(rule.basis()),
                    national.map(t -> t.confidence().name()).orElse(rule.confidence().name()),
                    primary.rule(),
                    deadline,
                    deadline == null ? null : deadline.toInstant(),
                    held ? facts.hold.holdUntil() : null,
                    flagged.alternative(),
                    flagged.texts().isEmpty() ? null : String.join(" ", flagged.texts()),
                    String.join("; ", parts)));
        }

        /** The member state's NIS2 law for a NIS2 duty, when in force for a breach discovered on that day. */
        private Optional<Nis2Transposition> nis2Transposition(Rule rule, Duty target) {
            if (rule.nis2Stage() == null) {
                return Optional.empty();
            }
            return catalog.nis2Transposition(target.jurisdiction())
                    .filter(t -> !facts.discoveryDate.isBefore(t.inForceFrom()));
        }

        /** A national early warning shorter than the Directive's 24 hours replaces it; other stages keep the catalog's. */
        private Rule.Clock nationalClock(Rule rule, Nis2Transposition national) {
            var clock = rule.clock();
            if (rule.nis2Stage() != Nis2Transposition.Stage.EARLY_WARNING || national.earlyWarningHours() == null
                    || national.earlyWarningHours() >= clock.amount()) {
                return clock;
            }
            return new Rule.Clock(clock.start(), clock.period(), national.earlyWarningHours(), clock.wording(),
                    clock.notice(), clock.relation(), clock.outerLimit(), clock.yearOf());
        }

        /** The primary reading and every alternative reading of the ambiguities, each after the hold (C10, A.7.1). */
        private List<Candidate> readingsOf(Rule rule, Duty target, DeadlineReadings.Reading primary,
                                           List<AmbiguityDefinition> ambiguitiesHere, boolean held, List<String> parts) {
            List<Candidate> candidates = new ArrayList<>();
            candidates.add(new Candidate(null, null, primary.deadline()));
            if (primary.deadline() == null) {
                if (held) {
                    parts.add("law-enforcement hold until " + facts.hold.lastDay() + " (" + facts.hold.description()
                            + "); do not release the notice before then");
                }
                return candidates;
            }
            for (AmbiguityDefinition ambiguity : ambiguitiesHere) {
                readings.alternativeReading(rule, target, ambiguity, primary)
                        .ifPresent(deadline -> candidates.add(new Candidate(ambiguity.ref(), ambiguity.text(), deadline)));
            }
            if (held) {
                candidates.replaceAll(c -> new Candidate(c.ref(), c.text(), readings.afterHold(rule, c.deadline())));
                parts.add(readings.holdExplanation(rule));
                for (AmbiguityDefinition ambiguity : ambiguitiesHere) {
                    if (ambiguity.kind() == Rule.AmbiguityKind.LAW_ENFORCEMENT_TOLLING && facts.hold.delayDays() > 0) {
                        LocalDate tolled = primary.deadline().toLocalDate().plusDays(facts.hold.delayDays());
                        candidates.add(new Candidate(ambiguity.ref(), ambiguity.text(), readings.endOfDay(tolled)));
                    }
                }
            }
            return candidates;
        }

        /** A.7.7, C3: a deadline on a weekend may run to Monday under a construction statute; only ever an alternative. */
        private void addWeekendExtensions(OffsetDateTime deadline, List<AmbiguityDefinition> ambiguitiesHere, List<Candidate> candidates) {
            if (deadline == null) {
                return;
            }
            for (AmbiguityDefinition ambiguity : ambiguitiesHere) {
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

        /** C8, 6-1-716(3)(b): where the shorter of the state and HIPAA deadlines controls, take HIPAA's if earlier. */
        private OffsetDateTime shortestWithHipaa(Rule rule, OffsetDateTime deadline, List<String> parts) {
            if (deadline == null || !facts.isHipaaEntity() || rule.hipaaEntities() != HipaaTreatment.SHORTEST_DEADLINE_WINS) {
                return deadline;
            }
            PlacedNotice hipaa = find(List.of(rule.hipaaComparison()), "US");
            if (hipaa == null || hipaa.deadline() == null) {
                return deadline;
            }
            if (hipaa.deadline().isBefore(deadline)) {
                parts.add("the HIPAA notice " + hipaa.label() + " is due earlier, " + hipaa.deadline().toLocalDate()
                        + ", and the shortest deadline controls" + DutyScreen.note(rule.hipaaNote()));
                return hipaa.deadline();
            }
            parts.add("not later than the HIPAA notice " + hipaa.label() + ", so it controls" + DutyScreen.note(rule.hipaaNote()));
            return deadline;
        }

        /** Every reading that differs from the deadline taken becomes a flagged ambiguity; the first is the alternative. */
        private Flagged flagAmbiguities(Duty target, List<Candidate> candidates, OffsetDateTime deadline) {
            if (deadline == null) {
                return new Flagged(null, List.of());
            }
            OffsetDateTime alternative = null;
            List<String> texts = new ArrayList<>();
            for (Candidate candidate : candidates.subList(1, candidates.size())) {
                OffsetDateTime other = candidate.deadline();
                if (other == null || other.isEqual(deadline)) {
                    continue;
                }
                alternative = alternative == null ? other : alternative;
                String text = candidate.ref() + ": " + candidate.text();
                if (!texts.contains(text)) {
                    texts.add(text);
                    ambiguities.add(new Ambiguity(candidate.ref(), target.recipient(), target.jurisdiction(),
                            candidate.text(), deadline, other));
                }
            }
            return new Flagged(alternative, texts);
        }

        private List<AmbiguityDefinition> applicable(Rule rule) {
            if (rule.ambiguities().isEmpty()) {
                return List.of();
            }
            return rule.ambiguities().stream()
                    .filter(a -> !a.hipaaEntitiesOnly() || facts.isHipaaEntity())
                    // A fact supplied is used, not second-guessed: its ambiguity is settled.
                    .filter(a -> a.settledBy() == null || !facts.supplies(a.settledBy()))
                    .toList();
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

    /** A day-based deadline reads as its date; an hour-based one needs its time. */
    private static String readable(OffsetDateTime deadline) {
        return deadline.toLocalTime().equals(java.time.LocalTime.of(23, 59, 59))
                ? deadline.toLocalDate().toString() : deadline.toString();
    }

}
