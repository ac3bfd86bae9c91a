package org.vigil.regulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP contract of PLAN-API.md: the 200 JSON shape and 400 problem bodies that name the field. */
// The slice tests the contract; who may call it is Vigil's security, tested with the running application.
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(NotificationPlanController.class)
@ContextConfiguration(classes = NotificationPlanControllerTest.Slice.class)
class NotificationPlanControllerTest {

    /** The module's own configuration loads the real catalog; no application class is needed for the slice. */
    @Configuration
    @Import({RegulationConfiguration.class, NotificationPlanController.class, NotificationPlanProblems.class})
    static class Slice {
    }

    /** The request of PLAN-API.md, verbatim. */
    static final String EXAMPLE = """
            {
              "discoveredAt": "2026-03-02T10:15:00-06:00",
              "firstKnownToWorkforceAt": null,
              "entityTimezone": "America/Chicago",
              "role": "covered_entity",
              "affectedCounts": {"US-TX": 300, "EU-DE": 5},
              "dataElements": ["name", "ssn", "date_of_birth", "diagnosis", "health_insurance_id"],
              "contactInfoOutOfDateCount": 0,
              "lawEnforcementDelay": null,
              "encryptedNistSafeHarbor": false,
              "encryptionKeyCompromised": false,
              "riskAssessmentConclusion": "not_low_probability",
              "hipaaBreachException": null,
              "stateDeterminationAt": null,
              "businessAssociate": null,
              "gdpr": null,
              "entityFlags": [],
              "sentNotices": []
            }
            """;

    @Autowired
    MockMvc mvc;

    @Test
    void answersThePlanApiExampleWithTheContractsFieldsAndTimestampFormats() throws Exception {
        mvc.perform(post("/api/notification-plans").contentType(MediaType.APPLICATION_JSON).content(EXAMPLE))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.breachNotificationsRequired").value(true))
                .andExpect(jsonPath("$.catalogVersion").value("2026-12-01"))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'state_ag:TX')].jurisdiction").value(hasItem("US-TX")))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'state_ag:TX')].regime").value(hasItem("Tex. Bus. & Com. Code 521.053")))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'state_ag:TX')].basis").value(hasItem("Tex. Bus. & Com. Code 521.053(i)")))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'state_ag:TX')].confidence").value(hasItem("S")))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'state_ag:TX')].deadlineRule").value(hasItem("fixed_calendar_days")))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'state_ag:TX')].deadline").value(hasItem("2026-04-01T23:59:59-05:00")))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'state_ag:TX')].deadlineUtc").value(hasItem("2026-04-02T04:59:59Z")))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'state_ag:TX')].holdUntil").value(hasItem((Object) null)))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'state_ag:TX')].alternativeDeadline").value(hasItem((Object) null)))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'state_ag:TX')].ambiguity").value(hasItem((Object) null)))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'state_ag:TX')].computation")
                        .value(hasItem(startsWith("300 >= 250 Texas residents; discovery (no determination date given, C7) 2026-03-02 + 30 days"))))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'individuals' && @.jurisdiction == 'US')].deadline")
                        .value(hasItem("2026-05-01T23:59:59-05:00")))
                .andExpect(jsonPath("$.notifications[?(@.recipient == 'supervisory_authority:DE')].deadline")
                        .value(hasItem("2026-03-05T10:15:00-06:00")))
                .andExpect(jsonPath("$.notRequired[?(@.recipient == 'media' && @.jurisdiction == 'US-TX')].reason")
                        .value(hasItem("300 residents of US-TX, not more than 500 (45 CFR 164.406)")))
                .andExpect(jsonPath("$.ambiguities").isArray());
    }

    @Test
    void listsTheCatalogForCounselWithDefinitionsCitationsAndConfidence() throws Exception {
        mvc.perform(get("/api/notification-plans/catalog").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("2026-12-01"))
                .andExpect(jsonPath("$.usCoverage.expected").value(54))
                .andExpect(jsonPath("$.rulesByConfidence.UNVERIFIED").isNumber())
                .andExpect(jsonPath("$.jurisdictions[?(@.code == 'US-TX')].definition.trigger").value(hasItem("acquisition")))
                .andExpect(jsonPath("$.jurisdictions[?(@.code == 'US-TX')].definition.personalInformationAlone[0]").value(hasItem("medical")))
                .andExpect(jsonPath("$.jurisdictions[?(@.code == 'US-TX')].rules[?(@.id == 'TX-AG')].basis")
                        .value(hasItem("Tex. Bus. & Com. Code 521.053(i)")))
                .andExpect(jsonPath("$.jurisdictions[?(@.code == 'US-TX')].rules[?(@.id == 'TX-AG')].clock")
                        .value(hasItem("30 days after determination")))
                .andExpect(jsonPath("$.jurisdictions[?(@.code == 'US')].rules[?(@.id == 'H6')].confidence").value(hasItem("P")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # what is wrong              | replace                                         | with                                        | field
              missing discoveredAt       | "discoveredAt": "2026-03-02T10:15:00-06:00",   | ""                                          | discoveredAt
              malformed discoveredAt     | 2026-03-02T10:15:00-06:00                       | yesterday                                   | discoveredAt
              unknown time zone          | America/Chicago                                 | America/Springfield                         | entityTimezone
              unknown jurisdiction code  | "US-TX": 300                                    | "US-ZZ": 300                                | affectedCounts.US-ZZ
              negative count             | "US-TX": 300                                    | "US-TX": -1                                 | affectedCounts.US-TX
              count that is not a number | "US-TX": 300                                    | "US-TX": "many"                             | affectedCounts.US-TX
              empty affectedCounts       | {"US-TX": 300, "EU-DE": 5}                      | {}                                          | affectedCounts
              unknown role               | covered_entity                                  | hospital                                    | role
              unknown risk conclusion    | not_low_probability                             | maybe                                       | riskAssessmentConclusion
              unknown entity flag        | "entityFlags": []                               | "entityFlags": ["nis3_entity"]              | entityFlags[0]
              unknown hold form          | "lawEnforcementDelay": null                     | "lawEnforcementDelay": {"form": "telepathic", "statementAt": "2026-03-05T09:00:00-06:00"} | lawEnforcementDelay.form
              unknown GDPR risk level    | "gdpr": null                                    | "gdpr": {"regime": "GDPR", "riskLevel": "extreme"} | gdpr.riskLevel
              no-harm outside the US     | "sentNotices": []                               | "sentNotices": [], "stateNoHarmDeterminations": ["EU-DE"] | stateNoHarmDeterminations[0]
              UK GDPR seated in Germany  | "gdpr": null                                    | "gdpr": {"regime": "UK GDPR", "mainEstablishment": "DE"} | gdpr.mainEstablishment
              not JSON at all            | {                                               | <                                           | body
            """, delimiter = '|')
    void badInputAnswers400WithAProblemBodyNamingTheField(String what, String replace, String with, String field) throws Exception {
        String body = EXAMPLE.replaceFirst(java.util.regex.Pattern.quote(replace), java.util.regex.Matcher.quoteReplacement(with.equals("\"\"") ? "" : with));

        mvc.perform(post("/api/notification-plans").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(containsString(field.equals("body") ? "JSON" : field.replaceAll("\\[\\d]", "").replaceAll("\\..*", ""))))
                .andExpect(jsonPath("$.trace").doesNotExist())
                .andExpect(jsonPath("$.exception").doesNotExist());
    }
}
