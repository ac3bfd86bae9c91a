package org.vigil.regulation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.vigil.regulation.PlanRequest.EntityFlag;
import org.vigil.regulation.PlanRequest.Gdpr.GdprRole;
import org.vigil.regulation.PlanRequest.Gdpr.RiskLevel;
import org.vigil.regulation.PlanRequest.Role;

import java.time.LocalDate;
import java.util.List;

/**
 * One duty of the catalog, exactly as written in {@code breach-notification-rules.yaml}. The vocabulary below is the
 * catalog's schema: a counsel correcting a rule edits the YAML, never this file.
 */
record Rule(
        String id,
        String recipient,
        String jurisdiction,
        String regime,
        String basis,
        Confidence confidence,
        Applicability appliesTo,
        Threshold threshold,
        Clock clock,
        HipaaTreatment hipaaEntities,
        String hipaaComparison,
        String hipaaNote,
        boolean lawEnforcementDelay,
        Clock lawEnforcementAfterHold,
        List<AmbiguityDefinition> ambiguities,
        LocalDate effectiveFrom,
        Nis2Transposition.Stage nis2Stage,
        Boolean screenedByStateDefinition,
        String advice,
        String note) {

    Rule {
        screenedByStateDefinition = screenedByStateDefinition == null || screenedByStateDefinition;
        appliesTo = appliesTo == null ? Applicability.ANYONE : appliesTo;
        ambiguities = ambiguities == null ? List.of() : List.copyOf(ambiguities);
    }

    enum Confidence {
        P, S, R, UNVERIFIED
    }

    /** Who and what the duty applies to; absent lists mean "no condition". */
    record Applicability(
            List<Role> roles,
            List<EntityFlag> anyEntityFlag,
            List<String> dataElementsAnyOf,
            boolean hipaaBreach,
            boolean unsecuredData,
            List<GdprRole> gdprRoles,
            List<RiskLevel> gdprRiskLevels,
            List<String> art34Exceptions) {

        static final Applicability ANYONE = new Applicability(null, null, null, false, false, null, null, null);
    }

    /** "count op value", e.g. per_state > 500 (HIPAA media) or aggregate >= 500 (HHS). */
    record Threshold(CountBasis count, Operator operator, Integer value) {

        boolean isMetBy(long actual) {
            return switch (operator) {
                case MORE_THAN -> actual > value;
                case AT_LEAST -> actual >= value;
                case FEWER_THAN -> actual < value;
            };
        }
    }

    enum CountBasis {
        /** residents of the duty's own jurisdiction (a state, member state or country) */
        PER_STATE,
        /** everyone affected in the regime's territory (all US, all EU, all Canada) */
        AGGREGATE,
        /** individuals whose contact information is insufficient or out of date (164.404(d)(2)) */
        OUT_OF_DATE_CONTACTS
    }

    enum Operator {
        @JsonProperty(">") MORE_THAN(">", "not more than"),
        @JsonProperty(">=") AT_LEAST(">=", "fewer than"),
        @JsonProperty("<") FEWER_THAN("<", "not fewer than");

        final String symbol;
        final String negation;

        Operator(String symbol, String negation) {
            this.symbol = symbol;
            this.negation = negation;
        }
    }

    /**
     * When the duty falls due. Absolute clocks run {@code amount} {@code period}s from {@code start}; relative clocks
     * ({@code start: notice_sent}) run from another notice of the plan, named by rule id in {@code notice}.
     */
    record Clock(
            ClockStart start,
            Period period,
            Integer amount,
            Wording wording,
            List<String> notice,
            Relation relation,
            Clock outerLimit,
            ClockStart yearOf) {

        Clock {
            notice = notice == null ? List.of() : List.copyOf(notice);
        }

        boolean isRelative() {
            return start == ClockStart.NOTICE_SENT;
        }
    }

    enum ClockStart {
        /** discoveredAt */
        DISCOVERY,
        /** HIPAA 164.404(a)(2)/164.410(a)(2): first day any workforce member or agent knew, the earliest reading */
        WORKFORCE_KNOWLEDGE,
        /** the same, but an independent business associate's knowledge counts only once it notified (A.7.9 as input) */
        WORKFORCE_KNOWLEDGE_AS_STATED,
        /** stateDeterminationAt, else discovery (C7) */
        DETERMINATION,
        /** the earlier of discovery and gdpr.awarenessAt (A.7.8 resolved conservatively) */
        AWARENESS,
        /** gdpr.awarenessAt as supplied, else discovery (G2) */
        AWARENESS_AS_STATED,
        /** another notice of the plan being sent (C6) */
        NOTICE_SENT,
        /** 31 December of the discovery year (annual logs, 164.408(c)) */
        END_OF_CALENDAR_YEAR
    }

    enum Period {
        CALENDAR_DAYS, BUSINESS_DAYS, HOURS, MONTHS, ANNUAL_LOG, NONE
    }

    enum Wording {
        WITHOUT_UNDUE_DELAY, IMMEDIATELY, AS_SOON_AS_FEASIBLE, AS_SOON_AS_PRACTICABLE
    }

    enum Relation {
        CONTEMPORANEOUS_WITH, NOT_LATER_THAN, BEFORE, AFTER, EARLIER_OF
    }

    enum HipaaTreatment {
        APPLIES, EXEMPT, DEEMED_COMPLIANT, DEEMED_WITH_REGULATOR_NOTICE_KEPT, SHORTEST_DEADLINE_WINS
    }

    /** A known ambiguity (RULES.md A.7, C3): how to compute the other reading. */
    record AmbiguityDefinition(
            String ref,
            AmbiguityKind kind,
            String text,
            Clock clock,
            boolean hipaaEntitiesOnly,
            String calendar,
            String statute,
            SettledBy settledBy) {
    }

    /** The request field that, when supplied, settles an ambiguity: the fact is used as given. */
    enum SettledBy {
        @JsonProperty("stateDeterminationAt") STATE_DETERMINATION_AT,
        @JsonProperty("gdpr.awarenessAt") GDPR_AWARENESS_AT
    }

    enum AmbiguityKind {
        /** another clock start or period, reported as the alternative deadline */
        ALTERNATIVE_CLOCK,
        /** A.7.1: the original limit extended by the length of the law-enforcement delay */
        LAW_ENFORCEMENT_TOLLING,
        /** A.7.5: business days that also skip public holidays */
        HOLIDAYS_EXCLUDED,
        /** A.7.6: Reg. 1182/71 Art. 3(1) does not count the hour in which the event occurs */
        HOUR_ROUNDING,
        /** A.7.7, C3: a period ending on a weekend runs to the next weekday */
        WEEKEND_EXTENSION
    }
}
