package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When an incident's people count as notified: the time to notify ends at the last individual notice still owed. */
class ResponseMilestonesTest {

    static final Instant DISCOVERED = Instant.parse("2026-03-02T16:15:00Z");

    @Test
    void theLastIndividualNoticeSentEndsItAndNoticesToOthersDoNotCount() {
        var individuals = owed("individuals", "US");
        var subjects = owed("data_subjects", "EU-DE");
        var hhs = owed("hhs", "US");
        individuals.sent(day(40), "first_class_mail", "USPS-1");
        subjects.sent(day(55), "email", "SMTP-2");
        hhs.sent(day(70), "portal", "HHS-3");

        assertThat(ResponseMilestones.lastIndividualNotice(List.of(individuals, subjects, hhs))).contains(day(55));
    }

    @Test
    void nobodyIsNotifiedWhileAnIndividualNoticeIsStillOwed() {
        var federal = owed("individuals", "US");
        var texas = owed("individuals", "US-TX");
        federal.sent(day(30), "first_class_mail", "USPS-1");

        assertThat(ResponseMilestones.lastIndividualNotice(List.of(federal, texas))).isEmpty();
    }

    @Test
    void aWithdrawnIndividualNoticeIsNotOwedAndDoesNotCount() {
        var federal = owed("individuals", "US");
        var texas = owed("individuals", "US-TX");
        federal.sent(day(30), "first_class_mail", "USPS-1");
        texas.withdraw(day(31), "privacy", "confirmed: no Texans on the list");

        assertThat(ResponseMilestones.lastIndividualNotice(List.of(federal, texas))).contains(day(30));
        assertThat(ResponseMilestones.lastIndividualNotice(List.of(texas))).isEmpty();
    }

    @Test
    void anIncidentThatOwesNoIndividualNoticeHasNoTimeToNotify() {
        var hhs = owed("hhs", "US");
        hhs.sent(day(10), "portal", "HHS-1");

        assertThat(ResponseMilestones.lastIndividualNotice(List.of(hhs))).isEmpty();
    }

    private static Obligation owed(String recipient, String jurisdiction) {
        return new Obligation(1L, new PlannedDuty("rule:" + recipient + ":" + jurisdiction, recipient, jurisdiction, "HIPAA", "45 CFR 164.404",
                "VERIFIED", "calendar_days_after_discovery:60", day(60), day(60), false, null, null, null, "60 days after discovery"),
                "catalog-1", DISCOVERED, false);
    }

    private static Instant day(int days) {
        return DISCOVERED.plus(Duration.ofDays(days));
    }
}
