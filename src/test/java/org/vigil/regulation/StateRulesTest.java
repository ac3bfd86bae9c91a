package org.vigil.regulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.regulation.PlanRequest.EntityFlag;
import org.vigil.regulation.PlanRequest.LawEnforcementDelay;
import org.vigil.regulation.PlanRequest.LawEnforcementDelay.Form;
import org.vigil.regulation.PlanRequest.Role;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.regulation.Plans.deadlineOf;
import static org.vigil.regulation.Plans.notification;
import static org.vigil.regulation.Plans.planFor;
import static org.vigil.regulation.Plans.required;
import static org.vigil.regulation.Plans.ruledOut;

/** RULES.md A.4: the fourteen states, read like the table. Discovery Monday 2026-03-02 in Chicago unless said. */
class StateRulesTest {

    private static Incident incident(Role role) {
        return Incident.discoveredAt("2026-03-02T10:15:00-06:00").in("America/Chicago").as(role);
    }

    @ParameterizedTest(name = "{0}: {1} needs {3} {2}")
    @CsvSource(textBlock = """
            # state | recipient  | operator | threshold | just below | at the threshold
              US-TX | state_ag:TX | >=      | 250       | 249        | 250
              US-CO | state_ag:CO | >=      | 500       | 499        | 500
              US-FL | state_ag:FL | >=      | 500       | 499        | 500
              US-CA | state_ag:CA | >       | 500       | 500        | 501
              US-WA | state_ag:WA | >       | 500       | 500        | 501
              US-DE | state_ag:DE | >       | 500       | 500        | 501
              US-IL | state_ag:IL | >       | 500       | 500        | 501
              US-AZ | state_ag:AZ | >       | 1000      | 1000       | 1001
            """, delimiter = '|')
    void attorneyGeneralThresholdsCountResidentsOfThatStateAtTheirBoundary(
            String state, String recipient, String operator, int threshold, int below, int atThreshold) {
        var under = planFor(incident(Role.NONE).affecting(state, below));
        var over = planFor(incident(Role.NONE).affecting(state, atThreshold));

        assertThat(notification(under, recipient, state)).isEmpty();
        assertThat(ruledOut(under, recipient, state)).get().extracting(NotificationPlan.NotRequired::reason).asString()
                .startsWith(below + " residents of " + state);
        assertThat(required(over, recipient, state).computation())
                .startsWith(atThreshold + " " + operator + " " + threshold + " " + Plans.CATALOG.jurisdictionName(state) + " residents");
    }

    @Test
    void texasAttorneyGeneralIsDueThirtyDaysAfterDeterminationAsInThePlanApiExample() {
        var plan = planFor(incident(Role.COVERED_ENTITY).affecting("US-TX", 300).determinedAt("2026-03-02T16:00:00-06:00"));

        var ag = required(plan, "state_ag:TX", "US-TX");
        assertThat(ag.deadline()).isEqualTo(OffsetDateTime.parse("2026-04-01T23:59:59-05:00"));
        assertThat(ag.deadlineUtc()).hasToString("2026-04-02T04:59:59Z");
        assertThat(ag.basis()).isEqualTo("Tex. Bus. & Com. Code 521.053(i)");
        assertThat(ag.computation()).startsWith("300 >= 250 Texas residents; determination 2026-03-02 + 30 days");
        assertThat(ruledOut(plan, "media", "US-TX")).get().extracting(NotificationPlan.NotRequired::reason)
                .isEqualTo("300 residents of US-TX, not more than 500 (45 CFR 164.406)");
    }

    @ParameterizedTest(name = "{0} {1}: determination clocks run from the documented determination")
    @CsvSource(textBlock = """
            # state | recipient   | residents | deadline from determination 2026-03-10
              US-TX | individuals | 10        | 2026-05-09T23:59:59-05:00
              US-TX | state_ag:TX | 300       | 2026-04-09T23:59:59-05:00
              US-FL | individuals | 10        | 2026-04-09T23:59:59-05:00
              US-FL | state_ag:FL | 600       | 2026-04-09T23:59:59-05:00
              US-DE | individuals | 10        | 2026-05-09T23:59:59-05:00
              US-AZ | individuals | 10        | 2026-04-24T23:59:59-05:00
              US-CO | individuals | 10        | 2026-04-09T23:59:59-05:00
            """, delimiter = '|')
    void determinationClocksUseTheStateDeterminationDate(String state, String recipient, int residents, String deadline) {
        var plan = planFor(incident(Role.NONE).affecting(state, residents).determinedAt("2026-03-10T11:00:00-05:00"));

        assertThat(deadlineOf(plan, recipient, state)).isEqualTo(deadline);
        assertThat(required(plan, recipient, state).computation()).contains("determination 2026-03-10");
    }

    @Test
    void aTexasDeadlineOnASaturdayOffersTheConstructionStatuteMondayOnlyAsAnAlternative() {
        var plan = planFor(incident(Role.NONE).affecting("US-TX", 10).determinedAt("2026-03-10T11:00:00-05:00"));

        var individuals = required(plan, "individuals", "US-TX");
        assertThat(individuals.deadline()).isEqualTo(OffsetDateTime.parse("2026-05-09T23:59:59-05:00"));
        assertThat(individuals.alternativeDeadline()).isEqualTo(OffsetDateTime.parse("2026-05-11T23:59:59-05:00"));
        assertThat(individuals.ambiguity()).startsWith("A.7.7").contains("Tex. Gov't Code 311.014");
    }

    @ParameterizedTest(name = "HIPAA covered entity in {0}: {1} {2}")
    @CsvSource(textBlock = """
            # state | recipient   | outcome for a HIPAA covered entity
              US-TN | individuals | ruled out: does not apply to HIPAA covered entities
              US-AZ | individuals | ruled out: does not apply to HIPAA covered entities
              US-MD | individuals | ruled out: HIPAA-compliant notice is deemed compliance
              US-MD | state_ag:MD | ruled out: HIPAA-compliant notice is deemed compliance
              US-WA | individuals | ruled out: HIPAA-compliant notice is deemed compliance; the regulator notice is still due
              US-CT | individuals | ruled out: HIPAA-compliant notice is deemed compliance; the regulator notice is still due
              US-IL | individuals | ruled out: HIPAA-compliant notice is deemed compliance; the regulator notice is still due
              US-CT | state_ag:CT | due: not_later_than:individuals(US)
              US-IL | state_ag:IL | due: relative:5 business days after hhs(US)
              US-NY | state_ag:NY | due: not_later_than:individuals(US-NY)
              US-CA | individuals | due: fixed_calendar_days
              US-TX | individuals | due: fixed_calendar_days
              US-CO | individuals | due: fixed_calendar_days
            # issue 17: 6 Del. C. 12B-103(b) deems a HIPAA-regulated person compliant (was due: fixed_calendar_days)
              US-DE | individuals | ruled out: HIPAA-compliant notice is deemed compliance
              US-DE | state_ag:DE | ruled out: HIPAA-compliant notice is deemed compliance
              US-FL | individuals | due: fixed_calendar_days
              US-VT | individuals | due: fixed_calendar_days
              US-ME | individuals | due: fixed_calendar_days
              US-NY | individuals | due: fixed_calendar_days
            """, delimiter = '|')
    void hipaaEntitiesAreTreatedAsEachStateSays(String state, String recipient, String outcome) {
        // With an SSN as well as the diagnosis: the data is personal information under every state's own definition
        // (issue 17: Tennessee's and Maine's do not count a diagnosis), so the HIPAA treatment is what decides.
        var plan = planFor(incident(Role.COVERED_ENTITY).affecting(state, 100).withDataElements("ssn"));

        if (outcome.startsWith("due: ")) {
            assertThat(required(plan, recipient, state).deadlineRule()).isEqualTo(outcome.substring(5));
        } else {
            assertThat(notification(plan, recipient, state)).isEmpty();
            assertThat(ruledOut(plan, recipient, state)).get().extracting(NotificationPlan.NotRequired::reason).asString()
                    .startsWith(outcome.substring("ruled out: ".length()));
        }
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(textBlock = """
            # state | deadline                  | ambiguity (alternative = HIPAA's 60 days, 2026-05-01)
              US-NY | 2026-04-01T23:59:59-05:00 | A.7.2
              US-VT | 2026-04-16T23:59:59-05:00 | A.7.4
              US-ME | 2026-04-01T23:59:59-05:00 | A.7.4
              US-FL | 2026-04-01T23:59:59-05:00 | A.7.3
            """, delimiter = '|')
    void whereItIsUnsettledWhetherHipaaDisplacesTheStateClockTheStateDeadlineHoldsAndHipaaIsTheAlternative(
            String state, String deadline, String ambiguity) {
        // With a Social Security number: Maine's definition (10 M.R.S. 1347) does not count a diagnosis (issue 17).
        var plan = planFor(incident(Role.COVERED_ENTITY).affecting(state, 100).withDataElements("ssn"));

        var individuals = required(plan, "individuals", state);
        assertThat(individuals.deadline()).isEqualTo(OffsetDateTime.parse(deadline));
        assertThat(individuals.alternativeDeadline()).isEqualTo(OffsetDateTime.parse("2026-05-01T23:59:59-05:00"));
        assertThat(individuals.ambiguity()).startsWith(ambiguity);
        assertThat(plan.ambiguities()).anySatisfy(a -> {
            assertThat(a.ref()).isEqualTo(ambiguity);
            assertThat(a.jurisdiction()).isEqualTo(state);
        });
    }

    @Test
    void coloradoRunsFromTheSuppliedDeterminationUntilTheShorterHipaaDeadlineControls() {
        var plan = planFor(incident(Role.COVERED_ENTITY).affecting("US-CO", 100).determinedAt("2026-04-15T09:00:00-05:00"));

        // Determination 2026-04-15 + 30 = 2026-05-15; HIPAA's discovery 2026-03-02 + 60 = 2026-05-01 is shorter, and
        // 6-1-716(3)(b) says the shortest controls. The determination date was supplied, so A.7.10 is settled.
        var individuals = required(plan, "individuals", "US-CO");
        assertThat(individuals.deadline()).isEqualTo(OffsetDateTime.parse("2026-05-01T23:59:59-05:00"));
        assertThat(individuals.alternativeDeadline()).isNull();
        assertThat(individuals.computation()).startsWith("determination 2026-04-15 + 30 days").contains("shortest deadline controls");
        var attorneyGeneral = planFor(incident(Role.COVERED_ENTITY).affecting("US-CO", 600).determinedAt("2026-04-15T09:00:00-05:00"));
        assertThat(required(attorneyGeneral, "state_ag:CO", "US-CO").deadline())
                .isEqualTo(OffsetDateTime.parse("2026-05-15T23:59:59-05:00"));
    }

    // Issue 17: this test asserted that Delaware gave way to the shorter HIPAA deadline (shortest_deadline_wins, the
    // deeming clause then UNVERIFIED). 6 Del. C. 12B-103(b), read since, deems a HIPAA-regulated person that follows its
    // regulator's breach procedures in compliance with the whole chapter, so no Delaware notice is computed for it.
    @Test
    void delawareDeemsAHipaaEntityFollowingItsRegulatorsProceduresCompliant() {
        var plan = planFor(incident(Role.COVERED_ENTITY).affecting("US-DE", 600).determinedAt("2026-04-15T09:00:00-05:00"));

        assertThat(notification(plan, "individuals", "US-DE")).isEmpty();
        assertThat(ruledOut(plan, "individuals", "US-DE")).get().extracting(NotificationPlan.NotRequired::reason).asString()
                .contains("12B-103(b)");
        assertThat(notification(plan, "state_ag:DE", "US-DE")).isEmpty();
    }

    @Test
    void californiaAttorneyGeneralRunsFifteenDaysFromTheConsumerNoticeOuterBoundOrItsActualDate() {
        var planned = planFor(incident(Role.NONE).affecting("US-CA", 600));
        var sent = planFor(incident(Role.NONE).affecting("US-CA", 600)
                .withSentNotice("individuals", "US-CA", "2026-03-10T12:00:00-06:00"));

        assertThat(deadlineOf(planned, "individuals", "US-CA")).isEqualTo("2026-04-01T23:59:59-05:00");
        assertThat(required(planned, "state_ag:CA", "US-CA").deadlineRule()).isEqualTo("relative:15 days after individuals(US-CA)");
        assertThat(deadlineOf(planned, "state_ag:CA", "US-CA")).isEqualTo("2026-04-16T23:59:59-05:00");
        assertThat(deadlineOf(sent, "state_ag:CA", "US-CA")).isEqualTo("2026-03-25T23:59:59-05:00");
        assertThat(required(sent, "state_ag:CA", "US-CA").computation()).contains("individuals(US-CA) sent 2026-03-10 + 15 days");
    }

    @Test
    void californiaLicensedFacilitiesReportToCdphAndThePatientWithinFifteenBusinessDays() {
        // Friday 2026-03-06; fifteen weekdays later is Friday 2026-03-27.
        var plan = planFor(Incident.discoveredAt("2026-03-06T10:00:00-08:00").in("America/Los_Angeles")
                .flagged(EntityFlag.CA_LICENSED_CLINIC_HEALTH_FACILITY_HHA_OR_HOSPICE).affecting("US-CA", 1));

        var cdph = required(plan, "state_regulator:CA-CDPH", "US-CA");
        assertThat(cdph.deadline()).isEqualTo(OffsetDateTime.parse("2026-03-27T23:59:59-07:00"));
        assertThat(cdph.deadlineRule()).isEqualTo("fixed_business_days");
        assertThat(Plans.notifications(plan, "individuals", "US-CA"))
                .anySatisfy(n -> assertThat(n.basis()).isEqualTo("Cal. Health & Safety Code 1280.15(b)"));
    }

    @Test
    void businessDaysOverChristmasOfferTheHolidayAwareCountAsTheAlternative() {
        // Thursday 2026-12-24: weekdays only give 2027-01-14; skipping Christmas, New Year and MLK Day gives 2027-01-19.
        var plan = planFor(Incident.discoveredAt("2026-12-24T10:00:00-08:00").in("America/Los_Angeles")
                .flagged(EntityFlag.CA_LICENSED_CLINIC_HEALTH_FACILITY_HHA_OR_HOSPICE).affecting("US-CA", 1));

        var cdph = required(plan, "state_regulator:CA-CDPH", "US-CA");
        assertThat(cdph.deadline()).isEqualTo(OffsetDateTime.parse("2027-01-14T23:59:59-08:00"));
        assertThat(cdph.alternativeDeadline()).isEqualTo(OffsetDateTime.parse("2027-01-19T23:59:59-08:00"));
        assertThat(cdph.ambiguity()).startsWith("A.7.5");
    }

    @Test
    void vermontPreliminaryNoticeIsDueAtTheEarlierOfFourteenBusinessDaysAndTheConsumerNotice() {
        // Friday 2026-03-06 + 14 business days = Thursday 2026-03-26; consumers by 2026-04-20.
        var incident = Incident.discoveredAt("2026-03-06T10:00:00-05:00").in("America/New_York").as(Role.NONE).affecting("US-VT", 10);
        var planned = planFor(incident);
        var sentEarly = planFor(incident.withSentNotice("individuals", "US-VT", "2026-03-12T15:00:00-04:00"));

        var ag = required(planned, "state_ag:VT", "US-VT");
        assertThat(ag.deadlineRule()).isEqualTo("earlier_of:14 business days after discovery or individuals(US-VT)");
        assertThat(ag.deadline()).isEqualTo(OffsetDateTime.parse("2026-03-26T23:59:59-04:00"));
        assertThat(deadlineOf(sentEarly, "state_ag:VT", "US-VT")).isEqualTo("2026-03-12T15:00-04:00");
    }

    @Test
    void marylandAttorneyGeneralMustHearBeforeTheConsumers() {
        var plan = planFor(incident(Role.NONE).affecting("US-MD", 10));

        var ag = required(plan, "state_ag:MD", "US-MD");
        assertThat(ag.deadlineRule()).isEqualTo("before:individuals(US-MD)");
        assertThat(ag.deadline()).isEqualTo(OffsetDateTime.parse("2026-04-16T23:59:59-05:00"));
    }

    @ParameterizedTest(name = "HIPAA covered entity in {0}: the AG within 5 business days of the HHS notice, by {2}")
    @CsvSource(textBlock = """
            # state | residents | AG due
              US-IL | 100       | 2027-03-08T23:59:59-06:00
              US-IL | 600       | 2026-05-08T23:59:59-05:00
              US-NY | 100       | 2027-03-08T23:59:59-06:00
            """, delimiter = '|')
    void illinoisAndNewYorkRunFromTheHhsNoticeEvenWhenThatIsTheAnnualLog(String state, int residents, String due) {
        var plan = planFor(incident(Role.COVERED_ENTITY).affecting(state, residents));

        var agNotices = Plans.notifications(plan, "state_ag:" + state.substring(3), state).stream()
                .filter(n -> n.deadlineRule().startsWith("relative:5 business days after hhs(US)")).toList();
        assertThat(agNotices).singleElement().satisfies(n -> assertThat(n.deadline()).isEqualTo(OffsetDateTime.parse(due)));
    }

    @Test
    void maineRunsSevenBusinessDaysFromTheEndOfALawEnforcementHold() {
        // Oral statement 2026-03-05 holds until Saturday 2026-04-04; seven business days later is 2026-04-14.
        // With a Social Security number: Maine's definition (10 M.R.S. 1347) does not count a diagnosis (issue 17).
        var plan = planFor(incident(Role.NONE).affecting("US-ME", 10).withDataElements("ssn").withLawEnforcementDelay(
                new LawEnforcementDelay(Form.ORAL, OffsetDateTime.parse("2026-03-05T09:00:00-06:00"), null, null)));

        var individuals = required(plan, "individuals", "US-ME");
        assertThat(individuals.holdUntil()).isEqualTo(OffsetDateTime.parse("2026-04-04T23:59:59-05:00"));
        assertThat(individuals.deadline()).isEqualTo(OffsetDateTime.parse("2026-04-14T23:59:59-05:00"));
    }

    @Test
    void aLawEnforcementHoldDelaysTheTexasResidentsNoticeButNotTheAttorneyGeneral() {
        // The law-enforcement delay of 521.053 is for the (b) notice to individuals; the (i) AG notice keeps its 30 days.
        var plan = planFor(incident(Role.NONE).affecting("US-TX", 300).withLawEnforcementDelay(
                new LawEnforcementDelay(Form.ORAL, OffsetDateTime.parse("2026-03-20T09:00:00-05:00"), null, null)));

        var individuals = required(plan, "individuals", "US-TX");
        assertThat(individuals.holdUntil()).isEqualTo(OffsetDateTime.parse("2026-04-19T23:59:59-05:00"));
        assertThat(individuals.deadline()).isEqualTo(OffsetDateTime.parse("2026-05-01T23:59:59-05:00"));
        var ag = required(plan, "state_ag:TX", "US-TX");
        assertThat(ag.holdUntil()).isNull();
        assertThat(ag.deadline()).isEqualTo(OffsetDateTime.parse("2026-04-01T23:59:59-05:00"));
    }

    @Test
    void businessAssociatesNotifyTheDataOwnerUnderTexasAndFloridaLaw() {
        var plan = planFor(incident(Role.BUSINESS_ASSOCIATE).affecting("US-TX", 10).affecting("US-FL", 10));

        var texas = required(plan, "data_owner", "US-TX");
        assertThat(texas.deadline()).isNull();
        assertThat(texas.deadlineRule()).isEqualTo("immediately");
        assertThat(deadlineOf(plan, "data_owner", "US-FL")).isEqualTo("2026-03-12T23:59:59-05:00");
        assertThat(notification(plan, "individuals", "US-TX")).isEmpty();
    }

    @Test
    void aStateWithoutRulesInTheCatalogIsReportedAsACoverageGapNotPassedOverSilently() {
        // Ohio was the example until issue 17 gave it rules (us/oh.yaml); American Samoa has no breach statute and no
        // rules in the catalog.
        var plan = planFor(incident(Role.NONE).affecting("US-AS", 10));

        assertThat(plan.ambiguities()).singleElement().satisfies(a -> {
            assertThat(a.ref()).isEqualTo("catalog_coverage");
            assertThat(a.jurisdiction()).isEqualTo("US-AS");
            assertThat(a.text()).contains("American Samoa").contains("ask counsel");
        });
    }
}
