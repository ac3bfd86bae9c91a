package org.vigil.regulation;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.regulation.PlanRequest.LawEnforcementDelay;
import org.vigil.regulation.PlanRequest.LawEnforcementDelay.Form;
import org.vigil.regulation.PlanRequest.RiskAssessmentConclusion;
import org.vigil.regulation.PlanRequest.Role;
import org.vigil.regulation.PlanRequest.WrittenFollowup;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.regulation.Plans.deadlineOf;
import static org.vigil.regulation.Plans.notification;
import static org.vigil.regulation.Plans.notifications;
import static org.vigil.regulation.Plans.planFor;
import static org.vigil.regulation.Plans.required;
import static org.vigil.regulation.Plans.ruledOut;

/** RULES.md A.1, HIPAA 45 CFR 164.400-414, as a covered entity in Chicago whose residents live in Ohio (no state rules). */
class HipaaRulesTest {

    /** Monday 2026-03-02, 10:15 in Chicago: the PLAN-API example. */
    private static Incident coveredEntityIncident() {
        return Incident.discoveredAt("2026-03-02T10:15:00-06:00").in("America/Chicago").as(Role.COVERED_ENTITY);
    }

    @Test
    void individualsAreDueSixtyCalendarDaysAfterDiscoveryAtTheEndOfTheDayLocal() {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", 20));

        var individuals = required(plan, "individuals", "US");
        assertThat(individuals.deadline()).isEqualTo(OffsetDateTime.parse("2026-05-01T23:59:59-05:00"));
        assertThat(individuals.deadlineUtc()).hasToString("2026-05-02T04:59:59Z");
        assertThat(individuals.deadlineRule()).isEqualTo("fixed_calendar_days");
        assertThat(individuals.basis()).isEqualTo("45 CFR 164.404(a)(1), (b)");
        assertThat(individuals.confidence()).isEqualTo("P");
        assertThat(individuals.computation()).startsWith("discovery 2026-03-02 + 60 days");
    }

    @Test
    void theClockStartsWhenAnyWorkforceMemberFirstKnewNotWhenThePrivacyOfficeLoggedIt() {
        var plan = planFor(coveredEntityIncident().firstKnownToWorkforceAt("2026-02-20T08:00:00-06:00").affecting("US-OH", 20));

        var individuals = required(plan, "individuals", "US");
        assertThat(individuals.deadline()).isEqualTo(OffsetDateTime.parse("2026-04-21T23:59:59-05:00"));
        assertThat(individuals.computation()).contains("first known to a workforce member or agent").contains("2026-02-20 + 60 days");
    }

    @ParameterizedTest(name = "{0} affected in total: HHS by {1}")
    @CsvSource(textBlock = """
            # affected | HHS deadline rule                      | basis
              499      | annual_log_by                          | 45 CFR 164.408(c)
              500      | contemporaneous_with:individuals(US)   | 45 CFR 164.408(a)-(b)
              501      | contemporaneous_with:individuals(US)   | 45 CFR 164.408(a)-(b)
            """, delimiter = '|')
    void hhsIsNotifiedWithTheIndividualsFromFiveHundredInTotalAndInTheAnnualLogBelow(int affected, String rule, String basis) {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", affected));

        var hhs = required(plan, "hhs", "US");
        assertThat(hhs.deadlineRule()).isEqualTo(rule);
        assertThat(hhs.basis()).isEqualTo(basis);
    }

    @Test
    void hhsCountsEveryoneAffectedWhereverTheyLive() {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", 250).affecting("US-IN", 250));

        var hhs = required(plan, "hhs", "US");
        assertThat(hhs.deadlineRule()).isEqualTo("contemporaneous_with:individuals(US)");
        assertThat(hhs.deadline()).isEqualTo(OffsetDateTime.parse("2026-05-01T23:59:59-05:00"));
        assertThat(hhs.computation()).startsWith("500 >= 500 individuals affected in total (US)");
    }

    @Test
    void hhsFollowsTheIndividualNoticeOnceItWasActuallySent() {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", 800)
                .withSentNotice("individuals", "US", "2026-03-20T14:00:00-05:00"));

        assertThat(deadlineOf(plan, "hhs", "US")).isEqualTo("2026-03-20T23:59:59-05:00");
    }

    @ParameterizedTest(name = "{0} residents of Ohio: media notice {1}")
    @CsvSource(textBlock = """
            # Ohio residents | media required
              499            | false
              500            | false
              501            | true
            """, delimiter = '|')
    void mediaIsNotifiedOnlyForMoreThanFiveHundredResidentsOfOneState(int residents, boolean required) {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", residents));

        assertThat(notification(plan, "media", "US-OH").isPresent()).isEqualTo(required);
        if (required) {
            assertThat(deadlineOf(plan, "media", "US-OH")).isEqualTo("2026-05-01T23:59:59-05:00");
        } else {
            assertThat(ruledOut(plan, "media", "US-OH")).get().extracting(NotificationPlan.NotRequired::reason)
                    .isEqualTo(residents + " residents of US-OH, not more than 500 (45 CFR 164.406)");
        }
    }

    @Test
    void mediaThresholdsAreNotAddedAcrossStates() {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", 400).affecting("US-IN", 400));

        assertThat(notification(plan, "media", "US-OH")).isEmpty();
        assertThat(notification(plan, "media", "US-IN")).isEmpty();
        assertThat(required(plan, "hhs", "US").deadlineRule()).startsWith("contemporaneous_with");
    }

    @ParameterizedTest(name = "{0} out-of-date contacts: substitute notice under {1}")
    @CsvSource(textBlock = """
            # out-of-date contacts | substitute notice basis  | words
              1                    | 45 CFR 164.404(d)(2)(i)  | alternative form of written notice, telephone
              9                    | 45 CFR 164.404(d)(2)(i)  | alternative form of written notice, telephone
              10                   | 45 CFR 164.404(d)(2)(ii) | home-page posting for 90 days
              11                   | 45 CFR 164.404(d)(2)(ii) | toll-free number active at least 90 days
            """, delimiter = '|')
    void substituteNoticeIsChosenByTheNumberOfOutOfDateContacts(int outOfDate, String basis, String words) {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", 40).withOutOfDateContacts(outOfDate));

        var substitute = notifications(plan, "individuals", "US").stream().filter(n -> n.basis().startsWith("45 CFR 164.404(d)(2)"))
                .toList();
        assertThat(substitute).singleElement().satisfies(n -> {
            assertThat(n.basis()).isEqualTo(basis);
            assertThat(n.computation()).contains(words);
            assertThat(n.deadlineRule()).isEqualTo("not_later_than:individuals(US)");
            assertThat(n.deadline()).isEqualTo(OffsetDateTime.parse("2026-05-01T23:59:59-05:00"));
        });
    }

    @Test
    void noSubstituteNoticeWhenEveryContactIsUpToDate() {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", 40));

        assertThat(notifications(plan, "individuals", "US")).singleElement()
                .extracting(NotificationPlan.Notification::basis).isEqualTo("45 CFR 164.404(a)(1), (b)");
    }

    @ParameterizedTest(name = "exception {0}")
    @CsvSource({"164.402(1)(i)", "164.402(1)(ii)", "164.402(1)(iii)"})
    void eachBreachExceptionMeansNoHipaaNotificationAndSaysWhy(String exception) {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", 900).withHipaaException(exception));

        assertThat(plan.breachNotificationsRequired()).isFalse();
        assertThat(plan.notifications()).isEmpty();
        assertThat(ruledOut(plan, "individuals", "US")).get().extracting(NotificationPlan.NotRequired::reason)
                .asString().startsWith("not a breach: exception " + exception).contains("document the decision");
        assertThat(ruledOut(plan, "hhs", "US")).isPresent();
        // Not a breach anywhere: one line for the media of every state.
        assertThat(ruledOut(plan, "media", "US")).isPresent();
        assertThat(ruledOut(plan, "media", "US-OH")).isEmpty();
    }

    @Test
    void aLowProbabilityOfCompromiseMeansNoBreach() {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", 900)
                .withRiskAssessment(RiskAssessmentConclusion.LOW_PROBABILITY_OF_COMPROMISE));

        assertThat(plan.breachNotificationsRequired()).isFalse();
        assertThat(ruledOut(plan, "individuals", "US")).get().extracting(NotificationPlan.NotRequired::reason)
                .asString().contains("low probability").contains("164.402(2)");
    }

    @Test
    void encryptionWithTheKeySafeIsASafeHarbor() {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", 900).encrypted(false));

        assertThat(plan.breachNotificationsRequired()).isFalse();
        assertThat(ruledOut(plan, "individuals", "US")).get().extracting(NotificationPlan.NotRequired::reason)
                .asString().startsWith("secured PHI").contains("74 FR 19006");
    }

    @Test
    void theSafeHarborIsLostWhenTheKeyWasCompromisedToo() {
        var plan = planFor(coveredEntityIncident().affecting("US-OH", 900).encrypted(true));

        var individuals = required(plan, "individuals", "US");
        assertThat(individuals.computation()).contains("safe harbor lost");
        assertThat(notification(plan, "hhs", "US")).isPresent();
        assertThat(notification(plan, "media", "US-OH")).isPresent();
    }

    @ParameterizedTest(name = "discovered {0}: annual log due {1}")
    @CsvSource(textBlock = """
            # discovered (local)          | annual log to HHS due
              2026-06-15T12:00:00-05:00   | 2027-03-01T23:59:59-06:00
              2027-06-15T12:00:00-05:00   | 2028-02-29T23:59:59-06:00
              2028-01-10T12:00:00-06:00   | 2029-03-01T23:59:59-06:00
              2023-12-31T23:30:00-06:00   | 2024-02-29T23:59:59-06:00
            """, delimiter = '|')
    void smallBreachesGoIntoTheAnnualLogDueSixtyDaysAfterTheYearEnds(String discovered, String due) {
        var plan = planFor(Incident.discoveredAt(discovered).in("America/Chicago").affecting("US-OH", 12));

        var hhs = required(plan, "hhs", "US");
        assertThat(hhs.deadlineRule()).isEqualTo("annual_log_by");
        assertThat(hhs.deadline()).isEqualTo(OffsetDateTime.parse(due));
    }

    @Test
    void aDiscoveryLateOnDecemberThirtyFirstInCaliforniaBelongsToThatYearEvenThoughItIsJanuaryInUtc() {
        // 23:30 PST on 2026-12-31 is 07:30 UTC on 2027-01-01 (C1).
        var plan = planFor(Incident.discoveredAt("2027-01-01T07:30:00Z").in("America/Los_Angeles").affecting("US-OH", 12));

        assertThat(deadlineOf(plan, "individuals", "US")).isEqualTo("2027-03-01T23:59:59-08:00");
        assertThat(deadlineOf(plan, "hhs", "US")).isEqualTo("2027-03-01T23:59:59-08:00");
        assertThat(required(plan, "hhs", "US").computation()).contains("in 2026: end of 2026 + 60 days");
    }

    @ParameterizedTest(name = "{0}: deadline {1}")
    @CsvSource(textBlock = """
            # discovered in Chicago     | individual notice due (offset of that date)
              2026-02-20T09:00:00-06:00 | 2026-04-21T23:59:59-05:00
              2026-10-01T09:00:00-05:00 | 2026-11-30T23:59:59-06:00
              2026-09-05T09:00:00-05:00 | 2026-11-04T23:59:59-06:00
            """, delimiter = '|')
    void dayDeadlinesCarryTheUsDaylightSavingOffsetOfTheDeadlineDate(String discovered, String due) {
        var plan = planFor(Incident.discoveredAt(discovered).in("America/Chicago").affecting("US-OH", 3));

        assertThat(deadlineOf(plan, "individuals", "US")).isEqualTo(due);
    }

    @Test
    void dayDeadlinesCarryTheEuDaylightSavingOffsetForAnEntityInBerlin() {
        var plan = planFor(Incident.discoveredAt("2026-03-01T09:00:00+01:00").in("Europe/Berlin").affecting("US-OH", 3));

        assertThat(deadlineOf(plan, "individuals", "US")).isEqualTo("2026-04-30T23:59:59+02:00");
    }

    @Nested
    class BusinessAssociates {

        @Test
        void anAgentsDiscoveryStartsTheCoveredEntitysClock() {
            var plan = planFor(coveredEntityIncident()
                    .foundByBusinessAssociate("2026-02-10T09:00:00-06:00", "2026-03-02T10:15:00-06:00", true)
                    .affecting("US-OH", 20));

            var individuals = required(plan, "individuals", "US");
            assertThat(individuals.deadline()).isEqualTo(OffsetDateTime.parse("2026-04-11T23:59:59-05:00"));
            assertThat(individuals.alternativeDeadline()).isNull();
            assertThat(individuals.computation()).contains("business associate, an agent of the covered entity");
        }

        @Test
        void anIndependentContractorsNoticeStartsTheCoveredEntitysClockWithNoAgencyQuestionLeft() {
            var plan = planFor(coveredEntityIncident()
                    .foundByBusinessAssociate("2026-02-10T09:00:00-06:00", "2026-03-02T10:15:00-06:00", false)
                    .affecting("US-OH", 20));

            // Not an agent: the covered entity discovers the breach when told, 2026-03-02 + 60 days, not the business
            // associate's discovery 2026-02-10 + 60 = 2026-04-11 (PLAN-API.md, readings settled).
            var individuals = required(plan, "individuals", "US");
            assertThat(individuals.deadline()).isEqualTo(OffsetDateTime.parse("2026-05-01T23:59:59-05:00"));
            assertThat(individuals.alternativeDeadline()).isNull();
            assertThat(plan.ambiguities()).noneSatisfy(a -> assertThat(a.ref()).isEqualTo("A.7.9"));
        }

        @Test
        void aBusinessAssociateNotifiesTheCoveredEntityWithinSixtyDaysAndNoOneElseUnderHipaa() {
            var plan = planFor(coveredEntityIncident().as(Role.BUSINESS_ASSOCIATE).affecting("US-OH", 900));

            assertThat(deadlineOf(plan, "covered_entity", "US")).isEqualTo("2026-05-01T23:59:59-05:00");
            assertThat(notification(plan, "individuals", "US")).isEmpty();
            assertThat(notification(plan, "hhs", "US")).isEmpty();
        }
    }

    @Nested
    class LawEnforcementDelay164412 {

        private NotificationPlan.Notification individualsHeldBy(LawEnforcementDelay delay) {
            return required(planFor(coveredEntityIncident().affecting("US-OH", 20).withLawEnforcementDelay(delay)), "individuals", "US");
        }

        private static OffsetDateTime at(String timestamp) {
            return OffsetDateTime.parse(timestamp);
        }

        @ParameterizedTest(name = "{0} statement on {1}: hold until {4}")
        @CsvSource(textBlock = """
                # form              | statement                 | requested days | written received / until                     | hold until                | deadline                  | tolling reading
                  ORAL              | 2026-04-20T09:00:00-05:00 |                |                                              | 2026-05-20T23:59:59-05:00 | 2026-05-20T23:59:59-05:00 | 2026-05-31T23:59:59-05:00
                  ORAL              | 2026-04-25T09:00:00-05:00 | 10             |                                              | 2026-05-05T23:59:59-05:00 | 2026-05-05T23:59:59-05:00 | 2026-05-11T23:59:59-05:00
                  ORAL              | 2026-03-05T09:00:00-06:00 |                |                                              | 2026-04-04T23:59:59-05:00 | 2026-05-01T23:59:59-05:00 | 2026-05-31T23:59:59-05:00
                  WRITTEN           | 2026-04-20T09:00:00-05:00 | 45             |                                              | 2026-06-04T23:59:59-05:00 | 2026-06-04T23:59:59-05:00 | 2026-06-15T23:59:59-05:00
                  ORAL_THEN_WRITTEN | 2026-04-20T09:00:00-05:00 |                | 2026-05-10T09:00:00-05:00 / 2026-07-15       | 2026-07-15T23:59:59-05:00 | 2026-07-15T23:59:59-05:00 | 2026-07-26T23:59:59-05:00
                  ORAL_THEN_WRITTEN | 2026-04-20T09:00:00-05:00 |                | 2026-05-25T09:00:00-05:00 / 2026-07-15       | 2026-05-20T23:59:59-05:00 | 2026-05-20T23:59:59-05:00 | 2026-05-31T23:59:59-05:00
                """, delimiter = '|')
        void eachFormOfStatementHoldsTheNoticeAndTheLaterOfLimitAndHoldIsTheDeadline(
                Form form, String statement, Integer requestedDays, String written, String holdUntil, String deadline, String tolled) {
            WrittenFollowup followup = null;
            if (written != null) {
                var parts = written.split("/");
                followup = new WrittenFollowup(at(parts[0].trim()), LocalDate.parse(parts[1].trim()));
            }
            var individuals = individualsHeldBy(new LawEnforcementDelay(form, at(statement), requestedDays, followup));

            assertThat(individuals.holdUntil()).isEqualTo(at(holdUntil));
            assertThat(individuals.deadline()).isEqualTo(at(deadline));
            assertThat(individuals.alternativeDeadline()).isEqualTo(at(tolled));
            assertThat(individuals.ambiguity()).startsWith("A.7.1");
            assertThat(individuals.computation()).contains("law-enforcement hold until");
        }

        @Test
        void aHoldAppliesToHhsAndMediaToo() {
            var plan = planFor(coveredEntityIncident().affecting("US-OH", 900)
                    .withLawEnforcementDelay(new LawEnforcementDelay(Form.ORAL, at("2026-04-20T09:00:00-05:00"), null, null)));

            assertThat(required(plan, "hhs", "US").holdUntil()).isEqualTo(at("2026-05-20T23:59:59-05:00"));
            assertThat(required(plan, "media", "US-OH").deadline()).isEqualTo(at("2026-05-20T23:59:59-05:00"));
        }
    }
}
