package org.vigil.regulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.regulation.PlanRequest.EntityFlag;
import org.vigil.regulation.PlanRequest.Gdpr;
import org.vigil.regulation.PlanRequest.Gdpr.GdprRegime;
import org.vigil.regulation.PlanRequest.Gdpr.GdprRole;
import org.vigil.regulation.PlanRequest.Gdpr.RiskLevel;
import org.vigil.regulation.PlanRequest.Role;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.regulation.Plans.deadlineOf;
import static org.vigil.regulation.Plans.notification;
import static org.vigil.regulation.Plans.planFor;
import static org.vigil.regulation.Plans.required;
import static org.vigil.regulation.Plans.ruledOut;

/** RULES.md A.3 (GDPR, UK GDPR) and A.5 (NIS2, PIPEDA, Australia). */
class EuropeAndOtherRegimesTest {

    private static Gdpr controller(String awareness, RiskLevel risk, String mainEstablishment) {
        return new Gdpr(GdprRegime.GDPR, GdprRole.CONTROLLER, awareness == null ? null : OffsetDateTime.parse(awareness),
                risk, mainEstablishment, null, null);
    }

    private static Incident berlinIncident(String discovered) {
        return Incident.discoveredAt(discovered).in("Europe/Berlin").as(Role.NONE);
    }

    @Test
    void withAMainEstablishmentOnlyTheLeadSupervisoryAuthorityIsNotified() {
        var plan = planFor(berlinIncident("2026-03-02T09:00:00+01:00").affecting("EU-FR", 100).affecting("EU-DE", 10)
                .withGdpr(controller("2026-03-02T09:00:00+01:00", RiskLevel.RISK, "DE")));

        assertThat(deadlineOf(plan, "supervisory_authority:DE", "EU-DE")).isEqualTo("2026-03-05T09:00+01:00");
        assertThat(notification(plan, "supervisory_authority:FR", "EU-FR")).isEmpty();
        assertThat(required(plan, "supervisory_authority:DE", "EU-DE").deadlineRule()).isEqualTo("fixed_hours");
    }

    @Test
    void withoutAMainEstablishmentEveryAuthorityWhoseResidentsAreAffectedIsNotifiedAndTheRepresentativeBringsNoLead() {
        var gdpr = new Gdpr(GdprRegime.GDPR, GdprRole.CONTROLLER, OffsetDateTime.parse("2026-03-02T09:00:00+01:00"),
                RiskLevel.RISK, null, "IE", null);
        var plan = planFor(berlinIncident("2026-03-02T09:00:00+01:00").affecting("EU-FR", 100).affecting("EU-IT", 3).withGdpr(gdpr));

        assertThat(notification(plan, "supervisory_authority:FR", "EU-FR")).isPresent();
        assertThat(notification(plan, "supervisory_authority:IT", "EU-IT")).isPresent();
        assertThat(notification(plan, "supervisory_authority:IE", "EU-IE")).isEmpty();
    }

    @Test
    void aProcessorNotifiesItsControllerWithoutUndueDelayAndNoAuthority() {
        var gdpr = new Gdpr(GdprRegime.GDPR, GdprRole.PROCESSOR, null, RiskLevel.HIGH, "DE", null, null);
        var plan = planFor(berlinIncident("2026-03-02T09:00:00+01:00").affecting("EU-DE", 100).withGdpr(gdpr));

        // Per member state of the affected data subjects (PLAN-API.md, readings settled).
        var controller = required(plan, "controller", "EU-DE");
        assertThat(controller.deadline()).isNull();
        assertThat(controller.deadlineRule()).isEqualTo("without_undue_delay");
        assertThat(controller.basis()).isEqualTo("GDPR Art. 33(2)");
        assertThat(notification(plan, "supervisory_authority:DE", "EU-DE")).isEmpty();
        assertThat(notification(plan, "data_subjects", "EU-DE")).isEmpty();
    }

    @Test
    void nis2DutiesCiteTheMemberStatesLawWhereItIsInForceAndItsShorterEarlyWarning() {
        var germany = planFor(berlinIncident("2026-03-02T09:00:00+01:00").affecting("EU-DE", 10)
                .flagged(EntityFlag.NIS2_IMPORTANT_ENTITY));
        var warning = required(germany, "csirt_or_competent_authority:DE", "EU-DE");
        assertThat(warning.regime()).startsWith("BSI-Gesetz (BSIG)");
        assertThat(warning.basis()).endsWith("(NIS2 Art. 23(4)(a))");
        assertThat(warning.computation()).contains("national law: BSI-Gesetz");
        // Before the German law was in force (2025-12-06), the Directive's own words.
        var before = planFor(berlinIncident("2025-11-03T09:00:00+01:00").affecting("EU-DE", 10)
                .flagged(EntityFlag.NIS2_IMPORTANT_ENTITY));
        assertThat(required(before, "csirt_or_competent_authority:DE", "EU-DE").regime()).isEqualTo("NIS2, Directive (EU) 2022/2555");

        // Cyprus: an initial notification within 6 hours, not 24: 2026-03-02 09:00 CET = 08:00 UTC + 6 h.
        var cyprus = planFor(berlinIncident("2026-03-02T09:00:00+01:00").affecting("EU-CY", 10)
                .flagged(EntityFlag.NIS2_ESSENTIAL_ENTITY));
        assertThat(Plans.notifications(cyprus, "csirt_or_competent_authority:CY", "EU-CY"))
                .anySatisfy(n -> assertThat(n.deadline()).hasToString("2026-03-02T15:00+01:00"));
        // France had no transposition in force: the Directive's periods, said so.
        var france = planFor(berlinIncident("2026-03-02T09:00:00+01:00").affecting("EU-FR", 10)
                .flagged(EntityFlag.NIS2_ESSENTIAL_ENTITY));
        assertThat(required(france, "csirt_or_competent_authority:FR", "EU-FR").computation())
                .contains("no national transposition in force in the catalog for EU-FR");
    }

    @Test
    void aUkControllerWithItsMainEstablishmentInTheUkNotifiesTheIcoWithinSeventyTwoHours() {
        var gdpr = new Gdpr(GdprRegime.UK_GDPR, GdprRole.CONTROLLER, null, RiskLevel.RISK, "UK", null, null);
        var plan = planFor(Incident.discoveredAt("2026-03-02T09:00:00Z").in("Europe/London").as(Role.NONE)
                .affecting("UK", 40).withGdpr(gdpr));

        // 2026-03-02 09:00 GMT + 72 hours elapsed = 2026-03-05 09:00 GMT (UK GDPR Art. 33(1)).
        var ico = required(plan, "supervisory_authority:UK-ICO", "UK");
        assertThat(ico.deadline()).hasToString("2026-03-05T09:00Z");
        assertThat(plan.notifications()).noneSatisfy(n -> assertThat(n.recipient()).startsWith("supervisory_authority:EU"));
    }

    @ParameterizedTest(name = "risk {0}: authority {1}, data subjects {2}")
    @CsvSource(textBlock = """
            # risk level | authority notified | data subjects told
              UNLIKELY   | false              | false
              RISK       | true               | false
              HIGH       | true               | true
            """, delimiter = '|')
    void theRiskLevelDecidesArticles33And34(RiskLevel risk, boolean authority, boolean dataSubjects) {
        var plan = planFor(berlinIncident("2026-03-02T09:00:00+01:00").affecting("EU-DE", 100)
                .withGdpr(controller(null, risk, "DE")));

        assertThat(notification(plan, "supervisory_authority:DE", "EU-DE").isPresent()).isEqualTo(authority);
        assertThat(notification(plan, "data_subjects", "EU-DE").isPresent()).isEqualTo(dataSubjects);
    }

    @ParameterizedTest(name = "Art. {0}")
    @CsvSource(textBlock = """
            # exception | data subjects
              34(3)(a)  | ruled out
              34(3)(b)  | ruled out
              34(3)(c)  | GDPR Art. 34(3)(c)
            """, delimiter = '|')
    void theArticle34ExceptionsNeverRemoveTheAuthorityNotice(String exception, String dataSubjects) {
        var gdpr = new Gdpr(GdprRegime.GDPR, GdprRole.CONTROLLER, null, RiskLevel.HIGH, "DE", null, exception);
        var plan = planFor(berlinIncident("2026-03-02T09:00:00+01:00").affecting("EU-DE", 100).withGdpr(gdpr));

        assertThat(notification(plan, "supervisory_authority:DE", "EU-DE")).isPresent();
        if (dataSubjects.equals("ruled out")) {
            assertThat(notification(plan, "data_subjects", "EU-DE")).isEmpty();
            assertThat(ruledOut(plan, "data_subjects", "EU-DE")).get().extracting(NotificationPlan.NotRequired::reason)
                    .asString().startsWith("exception Art. " + exception);
        } else {
            assertThat(required(plan, "data_subjects", "EU-DE").basis()).isEqualTo(dataSubjects);
        }
    }

    @Test
    void encryptionWithTheKeySafeIsTakenAsTheArticle34_3_aException() {
        var plan = planFor(berlinIncident("2026-03-02T09:00:00+01:00").affecting("EU-DE", 100).encrypted(false)
                .withGdpr(controller(null, RiskLevel.HIGH, "DE")));

        assertThat(notification(plan, "data_subjects", "EU-DE")).isEmpty();
        assertThat(notification(plan, "supervisory_authority:DE", "EU-DE")).isPresent();
    }

    @ParameterizedTest(name = "aware {0} in {1}: 72 hours end {2}")
    @CsvSource(textBlock = """
            # awareness                 | entity zone     | deadline (72 elapsed hours)  | in UTC
              2026-10-23T10:00:00+02:00 | Europe/Berlin   | 2026-10-26T09:00+01:00       | 2026-10-26T08:00:00Z
              2026-03-27T10:00:00+01:00 | Europe/Berlin   | 2026-03-30T11:00+02:00       | 2026-03-30T09:00:00Z
              2026-03-06T12:00:00-06:00 | America/Chicago | 2026-03-09T13:00-05:00       | 2026-03-09T18:00:00Z
              2026-10-30T12:00:00-05:00 | America/Chicago | 2026-11-02T11:00-06:00       | 2026-11-02T17:00:00Z
            """, delimiter = '|')
    void seventyTwoHoursAreElapsedTimeAcrossDaylightSavingChanges(String awareness, String zone, String deadline, String utc) {
        var plan = planFor(Incident.discoveredAt(awareness).in(zone).as(Role.NONE).affecting("EU-DE", 10)
                .withGdpr(controller(awareness, RiskLevel.RISK, "DE")));

        var authority = required(plan, "supervisory_authority:DE", "EU-DE");
        assertThat(authority.deadline()).hasToString(deadline);
        assertThat(authority.deadlineUtc()).hasToString(utc);
    }

    @Test
    void aStatedAwarenessAfterDiscoveryStartsArticle33AsGiven() {
        var plan = planFor(berlinIncident("2026-03-02T09:00:00+01:00").affecting("EU-DE", 10)
                .withGdpr(controller("2026-03-04T09:00:00+01:00", RiskLevel.RISK, "DE")));

        var authority = required(plan, "supervisory_authority:DE", "EU-DE");
        // A fact supplied is used (PLAN-API.md, readings settled): 2026-03-04 09:00 + 72 hours, not discovery + 72.
        assertThat(authority.deadline()).hasToString("2026-03-07T09:00+01:00");
        // The only reading left open is Reg. 1182/71's uncounted hour (A.7.6).
        assertThat(authority.alternativeDeadline()).hasToString("2026-03-07T10:00+01:00");
        assertThat(authority.ambiguity()).startsWith("A.7.6").doesNotContain("A.7.8");
        assertThat(plan.ambiguities()).noneSatisfy(a -> assertThat(a.ref()).isEqualTo("A.7.8"));
    }

    @Test
    void theHourOfAwarenessNotCountedUnderRegulation1182IsOfferedAsTheNextFullHour() {
        var plan = planFor(berlinIncident("2026-03-02T09:20:00+01:00").affecting("EU-DE", 10)
                .withGdpr(controller("2026-03-02T09:20:00+01:00", RiskLevel.RISK, "DE")));

        var authority = required(plan, "supervisory_authority:DE", "EU-DE");
        assertThat(authority.deadline()).hasToString("2026-03-05T09:20+01:00");
        assertThat(authority.alternativeDeadline()).hasToString("2026-03-05T10:00+01:00");
        assertThat(authority.ambiguity()).startsWith("A.7.6");
    }

    @Test
    void ukResidentsBringTheIcoUnderUkGdpr() {
        var plan = planFor(Incident.discoveredAt("2026-03-02T09:00:00Z").in("Europe/London").as(Role.NONE).affecting("UK", 40));

        var ico = required(plan, "supervisory_authority:UK-ICO", "UK");
        assertThat(ico.deadline()).hasToString("2026-03-05T09:00Z");
        assertThat(ico.regime()).isEqualTo("UK GDPR");
        assertThat(ico.computation()).contains("GDPR details not supplied");
    }

    @ParameterizedTest(name = "NIS2 notification {0}: final report by {1}")
    @CsvSource(textBlock = """
            # discovered (Berlin)       | final report due          | Art. 3(4) alternative
              2026-01-28T10:00:00+01:00 | 2026-02-28T23:59:59+01:00 | 2026-03-02T23:59:59+01:00
              2028-01-28T10:00:00+01:00 | 2028-02-29T23:59:59+01:00 |
            """, delimiter = '|')
    void nis2FinalReportIsOneMonthAfterTheIncidentNotificationEndingOnTheLastDayOfFebruary(
            String discovered, String finalReport, String alternative) {
        var plan = planFor(berlinIncident(discovered).flagged(EntityFlag.NIS2_ESSENTIAL_ENTITY).affecting("EU-DE", 1000)
                .withGdpr(controller(discovered, RiskLevel.RISK, "DE")));

        var nis2 = Plans.notifications(plan, "csirt_or_competent_authority:DE", "EU-DE");
        // Germany's BSIG § 32 cites each stage, followed by the Directive's article.
        assertThat(nis2).extracting(NotificationPlan.Notification::basis).satisfiesExactly(
                basis -> assertThat(basis).endsWith("(NIS2 Art. 23(4)(a))"),
                basis -> assertThat(basis).endsWith("(NIS2 Art. 23(4)(b))"),
                basis -> assertThat(basis).endsWith("(NIS2 Art. 23(4)(d))"));
        var start = OffsetDateTime.parse(discovered);
        assertThat(nis2.get(0).deadline().toInstant()).isEqualTo(start.plusHours(24).toInstant());
        assertThat(nis2.get(1).deadline().toInstant()).isEqualTo(start.plusHours(72).toInstant());
        assertThat(nis2.get(2).deadline()).hasToString(OffsetDateTime.parse(finalReport).toString());
        assertThat(nis2.get(2).deadlineRule()).isEqualTo("relative:1 month after csirt_or_competent_authority:DE(EU-DE)");
        if (alternative == null) {
            assertThat(nis2.get(2).alternativeDeadline()).isNull();
        } else {
            assertThat(nis2.get(2).alternativeDeadline()).isEqualTo(OffsetDateTime.parse(alternative));
            assertThat(nis2.get(2).ambiguity()).contains("Reg. 1182/71 Art. 3(4)");
        }
    }

    @Test
    void nis2NeedsTheEntityFlag() {
        var plan = planFor(berlinIncident("2026-03-02T09:00:00+01:00").affecting("EU-DE", 10));

        assertThat(notification(plan, "csirt_or_competent_authority:DE", "EU-DE")).isEmpty();
        assertThat(ruledOut(plan, "csirt_or_competent_authority:DE", "EU-DE")).isPresent();
    }

    @Test
    void pipedaReportsToTheCommissionerAsSoonAsFeasibleForOrganisationsInCommercialActivity() {
        var flagged = planFor(Incident.discoveredAt("2026-03-02T09:00:00-05:00").in("America/Toronto").as(Role.NONE)
                .flagged(EntityFlag.PIPEDA_COMMERCIAL_ACTIVITY).affecting("CA-ON", 10));
        var unflagged = planFor(Incident.discoveredAt("2026-03-02T09:00:00-05:00").in("America/Toronto").as(Role.NONE)
                .affecting("CA-ON", 10));

        var commissioner = required(flagged, "privacy_commissioner:CA", "CA");
        assertThat(commissioner.deadlineRule()).isEqualTo("as_soon_as_feasible");
        assertThat(commissioner.confidence()).isEqualTo("UNVERIFIED");
        assertThat(required(flagged, "individuals", "CA").deadline()).isNull();
        assertThat(ruledOut(unflagged, "privacy_commissioner:CA", "CA")).isPresent();
    }

    @Test
    void australianHealthServiceProvidersAssessWithinThirtyDaysThenNotifyAsSoonAsPracticable() {
        var plan = planFor(Incident.discoveredAt("2026-03-02T10:00:00+11:00").in("Australia/Sydney").as(Role.NONE)
                .flagged(EntityFlag.AU_APP_ENTITY_HEALTH_SERVICE_PROVIDER).affecting("AU", 5));

        assertThat(deadlineOf(plan, "oaic_assessment_complete", "AU")).isEqualTo("2026-04-01T23:59:59+11:00");
        assertThat(required(plan, "oaic", "AU").deadlineRule()).isEqualTo("as_soon_as_practicable");
        assertThat(required(plan, "individuals", "AU").deadlineRule()).isEqualTo("as_soon_as_practicable");
    }

    @Test
    void aPhrVendorFollowsTheFtcRuleWithItsOwnThresholds() {
        var plan = planFor(Incident.discoveredAt("2026-03-02T10:15:00-06:00").in("America/Chicago").as(Role.PHR_VENDOR)
                .affecting("US-OH", 500));

        assertThat(deadlineOf(plan, "individuals", "US")).isEqualTo("2026-05-01T23:59:59-05:00");
        assertThat(required(plan, "ftc", "US").deadlineRule()).isEqualTo("contemporaneous_with:individuals(US)");
        // HBNR counts 500 or more per State for media; HIPAA would need more than 500.
        assertThat(deadlineOf(plan, "media", "US-OH")).isEqualTo("2026-05-01T23:59:59-05:00");
        assertThat(notification(plan, "hhs", "US")).isEmpty();
    }

    @ParameterizedTest(name = "{0} affected: FTC by {1}")
    @CsvSource(textBlock = """
            # affected | FTC deadline rule
              499      | annual_log_by
              500      | contemporaneous_with:individuals(US)
            """, delimiter = '|')
    void theFtcIsNotifiedWithTheIndividualsFromFiveHundredAndInTheAnnualLogBelow(int affected, String rule) {
        var plan = planFor(Incident.discoveredAt("2026-03-02T10:15:00-06:00").in("America/Chicago").as(Role.PHR_VENDOR)
                .affecting("US-OH", affected));

        assertThat(required(plan, "ftc", "US").deadlineRule()).isEqualTo(rule);
        assertThat(notification(plan, "media", "US-OH").isPresent()).isEqualTo(affected >= 500);
    }
}
