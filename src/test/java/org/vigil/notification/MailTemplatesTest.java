package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.platform.VelocityTemplates;

/**
 * Every mail speaks the company's words: times in the company zone with its abbreviation, people and groups by name,
 * never an ISO instant, a user id or a group id. Rendered by the application's strict engine from the models the
 * callers build (breach's Obligations, accessreview's ReviewReminders and AccessRevocations, sla's SlaDigest).
 */
class MailTemplatesTest {

    private static final Map<String, String> PEOPLE = Map.of("manager", "Morgan Manager", "privacy", "Priya Privacy");
    private static final Map<String, String> GROUPS = Map.of("privacy-office", "Privacy office");

    private final MailTemplates templates = new MailTemplates(VelocityTemplates.engine(List.of()),
            new MailWords(ZoneId.of("America/New_York"), id -> PEOPLE.getOrDefault(id, id), id -> GROUPS.getOrDefault(id, id)));

    private static final Map<String, String> OBLIGATION = Map.of("obligationId", "7", "incidentId", "42",
            "recipient", "Texas attorney general", "deadline", "2026-04-01T21:00:00Z", "link", "http://localhost:8080/camunda/app/tasklist/");

    @Test
    void aReminderNamesWhomTheNoticeGoesToAndItsDeadlineInTheCompanyZone() {
        var mail = templates.render("obligation-reminder", OBLIGATION);
        assertThat(mail.subject()).isEqualTo("[Vigil] Reminder: notice to Texas attorney general due Wed 1 Apr 2026 17:00 EDT");
        assertThat(mail.body()).contains("of incident 42.", "Deadline: Wed 1 Apr 2026 17:00 EDT");
        assertNoCodes(mail);
    }

    @Test
    void anEscalationAndAMissedDeadlineSayTheSame() {
        var escalation = templates.render("obligation-escalation", OBLIGATION);
        assertThat(escalation.subject()).isEqualTo("[Vigil] ESCALATION: notice to Texas attorney general due Wed 1 Apr 2026 17:00 EDT");
        var missed = templates.render("obligation-missed", OBLIGATION);
        assertThat(missed.subject()).isEqualTo("[Vigil] MISSED: notice to Texas attorney general was due Wed 1 Apr 2026 17:00 EDT");
        assertNoCodes(escalation);
        assertNoCodes(missed);
    }

    @Test
    void accessReviewMailsNameTheReviewerAndSayTheDatesInWinterTimeToo() {
        var overdue = templates.render("access-review-overdue", Map.of("campaignId", "3", "reviewer", "manager",
                "due", "2026-03-06T14:00:00Z", "undecided", "2", "closes", "2026-03-13T14:00:00Z"));
        assertThat(overdue.subject()).isEqualTo("[Vigil] Access review 3: review by Morgan Manager is overdue");
        assertThat(overdue.body()).contains("was due Fri 6 Mar 2026 09:00 EST", "closes Fri 13 Mar 2026 10:00 EDT",
                "follow up with Morgan Manager");
        var reminder = templates.render("access-review-reminder", Map.of("campaignId", "3", "reviewer", "manager",
                "due", "2026-03-16T13:00:00Z", "undecided", "2", "link", "http://localhost:8080/camunda/app/tasklist/"));
        assertThat(reminder.subject()).isEqualTo("[Vigil] Access review 3: your review is due Mon 16 Mar 2026");
        assertThat(reminder.body()).contains("Dear Morgan Manager,", "is due Mon 16 Mar 2026 09:00 EDT");
        assertNoCodes(overdue);
        assertNoCodes(reminder);
    }

    @Test
    void correctiveActionMailsSayTheDueDateInTheCompanyZoneAndTheOwnerGroupInWords() {
        var model = Map.of("actionId", "7", "severity", "major", "ownerGroup", "privacy-office", "source", "a person (manual:1)",
                "due", "2026-04-01T21:00:00Z", "step", "implement the action", "link", "http://localhost:8080/camunda/app/tasklist/");
        var reminder = templates.render("corrective-action-reminder", model);
        assertThat(reminder.subject()).isEqualTo("[Vigil] Corrective action CA-7 (major) is due Wed 1 Apr 2026");
        assertThat(reminder.body()).contains("Dear members of Privacy office,", "is due Wed 1 Apr 2026 17:00 EDT", "\"implement the action\"");
        var overdue = templates.render("corrective-action-overdue", model);
        assertThat(overdue.subject()).isEqualTo("[Vigil] Corrective action CA-7 (major) is overdue");
        assertThat(overdue.body()).contains("of Privacy office", "was due Wed 1 Apr 2026 17:00 EDT");
        assertNoCodes(reminder);
        assertNoCodes(overdue);
    }

    @Test
    void anUnverifiedRevocationSaysItsDueTimeInTheCompanyZone() {
        var mail = templates.render("access-revocation-unverified", Map.of("revocationId", "5", "campaignId", "3",
                "system", "EHR integration gateway", "systemId", "ehr-gateway", "due", "2026-03-05T14:00:00Z", "state", "not yet removed"));
        assertThat(mail.subject()).isEqualTo("[Vigil] Revocation 5 on EHR integration gateway is not verified");
        assertThat(mail.body()).contains("on EHR integration gateway (ehr-gateway) was due Thu 5 Mar 2026 09:00 EST");
        assertNoCodes(mail);
    }

    @Test
    void theDigestAndTheTaskMailSayDaysAndGroupsInWords() {
        var digest = templates.render("sla-digest", Map.of("day", "2026-03-02", "overdueCount", "1", "atRiskCount", "0",
                "overdue", "  Privacy office:\n    - Notice (Prepare the notice), due Mon 2 Mar 2026 17:00 EST", "atRisk", "  (none)",
                "link", "http://localhost:8080/sla"));
        assertThat(digest.subject()).isEqualTo("[Vigil] SLA digest Mon 2 Mar 2026: 1 overdue, 0 at risk");
        var task = templates.render("task-assigned", Map.of("group", "privacy-office", "taskName", "Triage incident 42",
                "due", "2026-03-02T19:00:00Z", "link", "http://localhost:8080/camunda/app/tasklist/"));
        assertThat(task.subject()).isEqualTo("[Vigil] New task for Privacy office: Triage incident 42");
        assertThat(task.body()).contains("Due:       Mon 2 Mar 2026 14:00 EST");
        assertNoCodes(digest);
        assertNoCodes(task);
    }

    /** No ISO instant, no zone id, no group id, no bare user id where a name belongs. */
    private static void assertNoCodes(MailTemplates.RenderedMail mail) {
        String text = mail.subject() + "\n" + mail.body();
        assertThat(text).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T").doesNotContain("America/New_York", "privacy-office", "UTC")
                .doesNotContainPattern("review by manager|with manager\\b");
    }
}
