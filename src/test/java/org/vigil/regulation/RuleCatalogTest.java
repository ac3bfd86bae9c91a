package org.vigil.regulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped catalog covers RULES.md A.1-A.5, and a broken catalog is refused with the entry named. */
class RuleCatalogTest {

    private static String shippedYaml() {
        return resource("seeds/regulation/breach-notification-rules.yaml");
    }

    private static String resource(String path) {
        try (var in = RuleCatalog.class.getClassLoader().getResourceAsStream(path)) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RuleCatalog load(String yaml) {
        return RuleCatalog.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml",
                included -> RuleCatalogTest.class.getClassLoader().getResourceAsStream("seeds/regulation/" + included));
    }

    @Test
    void theShippedCatalogLoadsWithItsVersion() {
        assertThat(Plans.CATALOG.version()).isEqualTo("2026-12-01");
        assertThat(Plans.PLANS.catalogVersion()).isEqualTo("2026-12-01");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            # rule id              | RULES.md time limit
              H6                   | HIPAA individuals, 60 days
              H8-FEWER-THAN-10     | HIPAA substitute notice, fewer than 10
              H8-10-OR-MORE        | HIPAA substitute notice, 10 or more
              H9                   | HIPAA media, more than 500 per State
              H10                  | HHS, 500 or more
              H11                  | HHS annual log
              H12                  | business associate to covered entity
              H16                  | Part 2 records
              F1                   | HBNR individuals
              F2                   | HBNR FTC, 500 or more
              F3                   | HBNR FTC annual log
              F4                   | HBNR media, 500 or more per State
              F5                   | HBNR service provider to vendor
              F7                   | HBNR substitute notice
              G1                   | GDPR Art. 33(1), 72 hours
              G3                   | GDPR Art. 33(2), processor to controller
              G5                   | GDPR Art. 34(1)
              G6                   | GDPR Art. 34(3)(c)
              UK-G1                | UK GDPR Art. 33(1)
              UK-G3                | UK GDPR Art. 33(2)
              UK-G5                | UK GDPR Art. 34(1)
              UK-G6                | UK GDPR Art. 34(3)(c)
              NIS2-EARLY-WARNING   | NIS2 24 hours
              NIS2-NOTIFICATION    | NIS2 72 hours
              NIS2-FINAL-REPORT    | NIS2 one month
              PIPEDA-COMMISSIONER  | PIPEDA commissioner
              PIPEDA-INDIVIDUALS   | PIPEDA individuals
              AU-ASSESSMENT        | NDB assessment 30 days
              AU-OAIC              | NDB statement to the OAIC
              AU-INDIVIDUALS       | NDB individuals
              CA-1798.82-INDIVIDUALS | California 30 days
              CA-1798.82-AG        | California AG, 15 days after consumers
              CA-HS-1280.15-CDPH   | California CDPH, 15 business days
              CA-HS-1280.15-PATIENT | California patient, 15 business days
              CO-INDIVIDUALS       | Colorado 30 days
              CO-AG                | Colorado AG
              CT-INDIVIDUALS       | Connecticut 60 days
              CT-AG                | Connecticut AG
              DE-INDIVIDUALS       | Delaware 60 days
              DE-AG                | Delaware AG
              FL-INDIVIDUALS       | Florida 30 days
              FL-DEPARTMENT        | Florida Department of Legal Affairs
              FL-THIRD-PARTY-AGENT | Florida third-party agent, 10 days
              IL-INDIVIDUALS       | Illinois
              IL-AG                | Illinois AG
              IL-AG-HIPAA          | Illinois AG, 5 business days after HHS
              ME-INDIVIDUALS       | Maine 30 days
              ME-AG                | Maine AG
              MD-INDIVIDUALS       | Maryland 45 days
              MD-AG                | Maryland AG before consumers
              NY-INDIVIDUALS       | New York 30 days
              NY-AG                | New York AG
              NY-DEPARTMENT-OF-STATE | New York Department of State
              NY-STATE-POLICE      | New York State Police
              NY-AG-HIPAA          | New York AG, 5 business days after HHS
              TN-INDIVIDUALS       | Tennessee 45 days
              TX-INDIVIDUALS       | Texas 60 days
              TX-AG                | Texas AG, 250 or more
              TX-DATA-OWNER        | Texas maintainer to owner
              VT-INDIVIDUALS       | Vermont 45 days
              VT-AG-PRELIMINARY    | Vermont AG, 14 business days
              WA-INDIVIDUALS       | Washington 30 days
              WA-AG                | Washington AG
              WA-AG-HIPAA          | Washington AG for HIPAA entities
              AZ-INDIVIDUALS       | Arizona 45 days
              AZ-AG                | Arizona AG, more than 1,000
            """, delimiter = '|')
    void everyTimeLimitOfTheRuleTableIsInTheCatalogWithCitationAndTag(String id, String description) {
        assertThat(Plans.CATALOG.rules()).filteredOn(rule -> rule.id().equals(id)).singleElement().satisfies(rule -> {
            assertThat(rule.basis()).isNotBlank();
            assertThat(rule.confidence()).isNotNull();
            assertThat(rule.regime()).isNotBlank();
        });
    }

    @Test
    void relativeDutiesComeAfterTheNoticesTheyRunFrom() {
        var ids = Plans.CATALOG.rules().stream().map(Rule::id).toList();

        for (Rule rule : Plans.CATALOG.rules()) {
            for (String earlier : rule.clock().notice()) {
                assertThat(ids.indexOf(earlier)).as(rule.id() + " after " + earlier).isLessThan(ids.indexOf(rule.id()));
            }
        }
    }

    // Each row breaks the first occurrence of its text, main file first, then the includes in order. Since the state
    // files carry a definition before their rules (issue 17), 'jurisdiction: US-AZ' first meets Arizona's definition;
    // the rule check for an unknown code is exercised by the Australian rules of the main file instead.
    @ParameterizedTest(name = "{2}")
    @CsvSource(textBlock = """
            # replace                                       | with                                          | error names
              'basis: "45 CFR 164.406"'                     | 'basis: ""'                                   | rule H9: basis (citation) is missing
              'threshold: {count: per_state, operator: ">=", value: 250}' | 'threshold: {count: per_state, operator: ">=", value: -1}' | rule TX-AG: threshold needs count, operator and a non-negative value
              'notice: [CA-1798.82-INDIVIDUALS]'            | 'notice: [CA-INDIVIDUALS]'                     | rule CA-1798.82-AG: clock.notice names unknown rule 'CA-INDIVIDUALS'
              'clock: {start: discovery, period: calendar_days, amount: 45}' | 'clock: {start: discovery, period: calendar_days}' | rule MD-INDIVIDUALS: clock.amount must be a positive number
              'jurisdiction: AU'                            | 'jurisdiction: AU-ZZ'                         | jurisdiction 'AU-ZZ' is neither a known code
              'jurisdiction: US-AZ'                         | 'jurisdiction: US-ZZ'                         | a definition names unknown jurisdiction 'US-ZZ'
              'hipaaComparison: H6'                         | 'hipaaComparison: H66'                        | rule CO-INDIVIDUALS: shortest_deadline_wins needs hipaaComparison
              'calendar: us_federal'                        | 'calendar: us_state'                          | calendar 'us_state' is not in holidayCalendars
              'version: "2026-12-01"'                       | 'version: ""'                                 | version is missing
              '- id: H11'                                   | '- id: H10'                                   | rule H10 appears twice
              'confidence: UNVERIFIED'                      | 'confidence: MAYBE'                           | MAYBE
              'hipaaEntities: exempt'                       | 'hipaaEntitys: exempt'                        | hipaaEntitys
            """, delimiter = '|')
    void aBrokenCatalogIsRefusedWithAMessageNamingTheEntry(String replace, String with, String errorNames) {
        var broken = new Object() {
            boolean done;

            InputStream mutated(String text) {
                if (!done && text.contains(replace)) {
                    done = true;
                    text = text.replaceFirst(java.util.regex.Pattern.quote(replace), java.util.regex.Matcher.quoteReplacement(with));
                }
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };

        assertThatThrownBy(() -> RuleCatalog.load(broken.mutated(shippedYaml()), "test.yaml",
                included -> broken.mutated(resource("seeds/regulation/" + included))))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Breach-notification rule catalog test.yaml")
                .hasMessageContaining(errorNames);
        assertThat(broken.done).as("the catalog contains " + replace).isTrue();
    }

    @Test
    void relativeDeadlinesThatRunFromEachOtherAreRefusedAsACycle() {
        // MD-INDIVIDUALS cites 14-3504(b)(3) since issue 17: the 45 days are in (b)(3); (c) is the maintainer's notice.
        String maryland = resource("seeds/regulation/us/md.yaml")
                .replace("""
                          - id: MD-INDIVIDUALS
                            recipient: individuals
                            jurisdiction: US-MD
                            regime: "Md. Code Com. Law 14-3504"
                            basis: "Md. Code Com. Law 14-3504(b)(3) (HB 962, eff. 2022-10-01)"
                            confidence: S
                            appliesTo: {roles: [covered_entity, phr_vendor, none]}
                            clock: {start: discovery, period: calendar_days, amount: 45}""".stripIndent().indent(2).stripTrailing(), """
                          - id: MD-INDIVIDUALS
                            recipient: individuals
                            jurisdiction: US-MD
                            regime: "Md. Code Com. Law 14-3504"
                            basis: "Md. Code Com. Law 14-3504(b)(3) (HB 962, eff. 2022-10-01)"
                            confidence: S
                            appliesTo: {roles: [covered_entity, phr_vendor, none]}
                            clock: {start: notice_sent, notice: [MD-AG], relation: after, period: calendar_days, amount: 1}""".stripIndent().indent(2).stripTrailing());
        assertThat(maryland).contains("notice: [MD-AG]");

        assertThatThrownBy(() -> RuleCatalog.load(stream(shippedYaml()), "test.yaml", included -> stream(
                included.equals("us/md.yaml") ? maryland : resource("seeds/regulation/" + included))))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("cycle").hasMessageContaining("MD-AG").hasMessageContaining("MD-INDIVIDUALS");
    }
}
