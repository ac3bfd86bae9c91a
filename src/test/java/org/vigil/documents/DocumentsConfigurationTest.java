package org.vigil.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.vigil.platform.VelocityTemplates;

/** Without any company facts configured the capability still starts (beside the platform's Velocity engine); a notice then names the facts it lacks. */
class DocumentsConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(VelocityTemplates.class, DocumentsConfiguration.class)
            .withBean(Clock.class, () -> Clock.system(ZoneId.of("America/New_York")));

    @Test
    void startsWithoutCompanyFactsAndRefusesANoticeNamingThem() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            var renderer = started.getBean(DocumentRenderer.class);
            var facts = SampleFacts.breach();

            assertThat(renderer.missingFacts(DocumentKind.INDIVIDUAL_NOTICE, facts))
                    .containsExactly("company.name", "company.address", "company.tollFreePhone", "company.email");
            assertThatThrownBy(() -> renderer.html(DocumentKind.SUBSTITUTE_NOTICE, facts)).isInstanceOf(MissingFactsException.class)
                    .hasMessage("Missing facts for substitute-notice: company.name, company.tollFreePhone, company.website");
        });
    }

    @Test
    void takesTheCompanyFromConfigurationAndDatesInTheCompanyZone() {
        context.withPropertyValues("vigil.documents.company.name=Riverside Health Partners",
                        "vigil.documents.company.address=100 Main Street", "vigil.documents.company.toll-free-phone=1-800-555-0100",
                        "vigil.documents.company.email=privacy@riverside.example", "vigil.documents.company.logo=documents/demo-logo.png")
                .run(started -> {
                    var facts = SampleFacts.breach();
                    facts.put("awarenessAt", java.time.Instant.parse("2026-03-03T03:30:00Z"));
                    String html = started.getBean(DocumentRenderer.class).html(DocumentKind.INDIVIDUAL_NOTICE, facts);
                    assertThat(html).contains("Riverside Health Partners", "1-800-555-0100", "data:image/png;base64,", "March 1, 2026");
                    assertThat(started.getBean(DocumentRenderer.class).readable(facts).get("awarenessAt"))
                            .isEqualTo("March 2, 2026, 10:30 PM EST");
                });
    }
}
