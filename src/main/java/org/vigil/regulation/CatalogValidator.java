package org.vigil.regulation;

import org.vigil.regulation.Rule.AmbiguityDefinition;
import org.vigil.regulation.Rule.Clock;
import org.vigil.regulation.Rule.ClockStart;
import org.vigil.regulation.Rule.HipaaTreatment;
import org.vigil.regulation.Rule.Period;
import org.vigil.regulation.Rule.Relation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a catalog document before any plan uses it; each message names the bad entry. */
final class CatalogValidator {

    /** Jurisdiction values of a rule that expand at planning time instead of naming one code. */
    static final Set<String> SCOPES = Set.of(
            "each_us_state", "each_eu_member_state", "eu_supervisory_authorities", "nis2_member_states",
            "eu_gdpr", "uk_gdpr");

    private CatalogValidator() {
    }

    static List<Rule> validateAndOrder(RuleCatalog.Document document) {
        if (document == null) {
            throw new CatalogException("the document is empty");
        }
        require(notBlank(document.version()), "version is missing");
        require(document.jurisdictions() != null && !document.jurisdictions().isEmpty(), "jurisdictions are missing");
        require(document.hipaaBreachExceptions() != null, "hipaaBreachExceptions are missing");
        require(document.holidayCalendars() != null, "holidayCalendars are missing");
        var le = document.lawEnforcementDelay();
        require(le != null && notBlank(le.basis()) && le.oralStatementMaxDays() != null && le.oralStatementMaxDays() > 0,
                "lawEnforcementDelay needs a basis and a positive oralStatementMaxDays");
        document.holidayCalendars().forEach((name, holidays) -> holidays.forEach(h -> require(
                h.month() != null && (h.day() != null || (h.weekday() != null && h.ordinal() != null)),
                "holiday calendar " + name + ": holiday '" + h.name() + "' needs month and day, or month, weekday and ordinal")));
        require(document.rules() != null && !document.rules().isEmpty(), "rules are missing");
        Set<String> categories = new HashSet<>(document.dataElementCategories().values());
        Set<String> defined = new HashSet<>();
        Set<String> transposed = new HashSet<>();
        for (Nis2Transposition t : document.nis2Transpositions()) {
            String at = "NIS2 transposition of " + t.jurisdiction() + ": ";
            require(notBlank(t.jurisdiction()) && t.jurisdiction().startsWith("EU-") && document.jurisdictions().containsKey(t.jurisdiction()),
                    "a NIS2 transposition names '" + t.jurisdiction() + "', not an EU member state code");
            require(transposed.add(t.jurisdiction()), at + "appears twice");
            require(notBlank(t.law()) && notBlank(t.authority()), at + "law and authority are required");
            require(t.inForceFrom() != null, at + "inForceFrom is required");
            require(t.confidence() != null, at + "confidence is missing (P, S, R or UNVERIFIED)");
            require(t.earlyWarningHours() == null || (t.earlyWarningHours() > 0 && t.earlyWarningHours() <= 24),
                    at + "earlyWarningHours must be 1 to 24");
        }
        for (StateDefinition definition : document.definitions()) {
            validate(definition, document, categories);
            require(defined.add(definition.jurisdiction()), "definition of " + definition.jurisdiction() + " appears twice");
        }

        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : document.rules()) {
            require(rule != null && notBlank(rule.id()), "a rule has no id");
            require(byId.put(rule.id(), rule) == null, "rule " + rule.id() + " appears twice");
        }
        for (Rule rule : document.rules()) {
            validate(rule, document, byId);
        }
        return inDependencyOrder(byId);
    }

    private static void validate(Rule rule, RuleCatalog.Document document, Map<String, Rule> byId) {
        String at = "rule " + rule.id() + ": ";
        require(notBlank(rule.recipient()), at + "recipient is missing");
        require(notBlank(rule.jurisdiction()), at + "jurisdiction is missing");
        require(SCOPES.contains(rule.jurisdiction()) || document.jurisdictions().containsKey(rule.jurisdiction()),
                at + "jurisdiction '" + rule.jurisdiction() + "' is neither a known code nor one of " + SCOPES);
        require(notBlank(rule.regime()), at + "regime is missing");
        require(notBlank(rule.basis()), at + "basis (citation) is missing");
        require(rule.confidence() != null, at + "confidence is missing (P, S, R or UNVERIFIED)");
        require(rule.hipaaEntities() != null, at + "hipaaEntities treatment is missing");
        if (rule.jurisdiction().startsWith("US-") && readsHipaa(rule)) {
            // A state duty may depend on HIPAA only where its statute says so, and the rule must say where.
            require(notBlank(rule.hipaaNote()), at + "a state rule linked to HIPAA (hipaaEntities, appliesTo.hipaaBreach or a "
                    + "HIPAA clock) needs hipaaNote citing the statute's link");
        }
        if (rule.hipaaEntities() == HipaaTreatment.SHORTEST_DEADLINE_WINS) {
            require(byId.containsKey(rule.hipaaComparison()),
                    at + "shortest_deadline_wins needs hipaaComparison naming the HIPAA rule to compare with");
        }
        if (rule.threshold() != null) {
            var t = rule.threshold();
            require(t.count() != null && t.operator() != null && t.value() != null && t.value() >= 0,
                    at + "threshold needs count, operator and a non-negative value");
        }
        validateClock(rule.clock(), at + "clock", byId, rule.id());
        if (rule.lawEnforcementAfterHold() != null) {
            var after = rule.lawEnforcementAfterHold();
            // Runs from the last day of the hold, so it names only its period.
            require(after.period() != null && after.period() != Period.NONE && after.period() != Period.HOURS
                            && after.period() != Period.ANNUAL_LOG && positive(after.amount()),
                    at + "lawEnforcementAfterHold needs a day-based period and a positive amount");
            require(rule.lawEnforcementDelay(), at + "lawEnforcementAfterHold needs lawEnforcementDelay: true");
        }
        for (AmbiguityDefinition ambiguity : rule.ambiguities()) {
            String where = at + "ambiguity " + ambiguity.ref() + ": ";
            require(notBlank(ambiguity.ref()) && ambiguity.kind() != null && notBlank(ambiguity.text()),
                    at + "an ambiguity needs ref, kind and text");
            switch (ambiguity.kind()) {
                case ALTERNATIVE_CLOCK -> {
                    require(ambiguity.clock() != null, where + "alternative_clock needs a clock");
                    validateClock(ambiguity.clock(), where + "clock", byId, rule.id());
                }
                case HOLIDAYS_EXCLUDED -> require(document.holidayCalendars().containsKey(ambiguity.calendar()),
                        where + "calendar '" + ambiguity.calendar() + "' is not in holidayCalendars");
                case WEEKEND_EXTENSION -> require(notBlank(ambiguity.statute()), where + "weekend_extension needs the statute");
                case LAW_ENFORCEMENT_TOLLING -> require(rule.lawEnforcementDelay(),
                        where + "law_enforcement_tolling needs lawEnforcementDelay: true");
                case HOUR_ROUNDING -> require(rule.clock() != null && rule.clock().period() == Period.HOURS,
                        where + "hour_rounding applies to hour clocks only");
            }
        }
    }

    private static void validate(StateDefinition definition, RuleCatalog.Document document, Set<String> categories) {
        require(notBlank(definition.jurisdiction()) && document.jurisdictions().containsKey(definition.jurisdiction()),
                "a definition names unknown jurisdiction '" + definition.jurisdiction() + "'");
        String at = "definition of " + definition.jurisdiction() + ": ";
        require(notBlank(definition.statute()), at + "statute is missing");
        require(notBlank(definition.basis()), at + "basis (citation) is missing");
        require(definition.confidence() != null, at + "confidence is missing (P, S, R or UNVERIFIED)");
        require(definition.trigger() != null, at + "trigger is missing (acquisition or access)");
        var pi = definition.personalInformation();
        require(pi != null && !(pi.withName().isEmpty() && pi.alone().isEmpty()),
                at + "personalInformation needs withName or alone categories");
        for (String category : java.util.stream.Stream.concat(pi.withName().stream(), pi.alone().stream()).toList()) {
            require(categories.contains(category), at + "unknown data category '" + category + "' (one of " + categories + ")");
        }
        require(definition.encryption() != null, at + "encryption is missing ({safeHarbor: true|false})");
        require(definition.goodFaithEmployeeExclusion() != null, at + "goodFaithEmployeeExclusion is missing (true or false)");
        require(definition.riskOfHarm() != null, at + "riskOfHarm is missing ({exception: true|false})");
        if (definition.riskOfHarm().exception()) {
            require(notBlank(definition.riskOfHarm().test()), at + "riskOfHarm.exception needs its test in words");
        }
    }

    /** Whether a rule's outcome can depend on a HIPAA fact: its treatment of HIPAA entities, HIPAA's test or clock. */
    static boolean readsHipaa(Rule rule) {
        var start = rule.clock().start();
        return rule.hipaaEntities() != HipaaTreatment.APPLIES || rule.appliesTo().hipaaBreach()
                || start == ClockStart.WORKFORCE_KNOWLEDGE || start == ClockStart.WORKFORCE_KNOWLEDGE_AS_STATED;
    }

    private static void validateClock(Clock clock, String at, Map<String, Rule> byId, String ruleId) {
        require(clock != null, at + " is missing");
        require(clock.start() != null, at + ".start is missing");
        require(clock.period() != null, at + ".period is missing");
        if (clock.period() == Period.NONE) {
            require(clock.wording() != null,
                    at + ": a clock without period needs wording (without_undue_delay, immediately, as_soon_as_feasible, as_soon_as_practicable)");
        }
        if (clock.isRelative()) {
            require(!clock.notice().isEmpty(), at + ": notice_sent needs the rule ids of the earlier notice in 'notice'");
            clock.notice().forEach(id -> require(byId.containsKey(id) && !id.equals(ruleId),
                    at + ".notice names unknown rule '" + id + "'"));
            require(clock.relation() != null, at + ": notice_sent needs a relation");
            if (clock.relation() == Relation.AFTER) {
                require(clock.period() != Period.NONE && positive(clock.amount()), at + ": relation after needs period and amount");
            }
            if (clock.relation() == Relation.EARLIER_OF) {
                require(clock.outerLimit() != null, at + ": relation earlier_of needs outerLimit");
            }
            if (clock.outerLimit() != null) {
                require(!clock.outerLimit().isRelative(), at + ".outerLimit must be an absolute clock");
                validateClock(clock.outerLimit(), at + ".outerLimit", byId, ruleId);
            }
        } else if (clock.period() != Period.NONE) {
            require(positive(clock.amount()), at + ".amount must be a positive number");
        }
        if (clock.start() == ClockStart.END_OF_CALENDAR_YEAR || clock.period() == Period.ANNUAL_LOG) {
            require(clock.start() == ClockStart.END_OF_CALENDAR_YEAR && clock.period() == Period.ANNUAL_LOG,
                    at + ": end_of_calendar_year and annual_log go together");
            require(clock.yearOf() != null && clock.yearOf() != ClockStart.NOTICE_SENT
                            && clock.yearOf() != ClockStart.END_OF_CALENDAR_YEAR,
                    at + ".yearOf must name the clock start whose year counts");
        }
    }

    /** Kahn's algorithm over the notice references; a cycle would make a relative deadline undefined. */
    private static List<Rule> inDependencyOrder(Map<String, Rule> byId) {
        List<Rule> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < byId.size()) {
            boolean progress = false;
            for (Rule rule : byId.values()) {
                if (!placed.contains(rule.id()) && placed.containsAll(dependencies(rule))) {
                    ordered.add(rule);
                    placed.add(rule.id());
                    progress = true;
                }
            }
            if (!progress) {
                var stuck = byId.keySet().stream().filter(id -> !placed.contains(id)).toList();
                throw new CatalogException("rules " + stuck + " refer to each other in a cycle of relative deadlines");
            }
        }
        return ordered;
    }

    private static Set<String> dependencies(Rule rule) {
        Set<String> ids = new HashSet<>(rule.clock().notice());
        if (rule.hipaaComparison() != null) {
            ids.add(rule.hipaaComparison());
        }
        rule.ambiguities().stream().filter(a -> a.clock() != null).forEach(a -> ids.addAll(a.clock().notice()));
        return ids;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean positive(Integer n) {
        return n != null && n > 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new CatalogException(message);
        }
    }
}
