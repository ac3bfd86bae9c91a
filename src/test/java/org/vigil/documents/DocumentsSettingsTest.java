package org.vigil.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code vigil.documents.*} keeps its defaults and refuses, at start, letter batches that could not be written or kept. */
class DocumentsSettingsTest {

    /** Just the settings: DocumentsConfiguration also wants the platform's Velocity engine and a clock. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DocumentsSettings.class)
    static class SettingsOnly {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SettingsOnly.class);

    @Test
    void theDefaultsAreDataLettersInPartsOfAThousandKeptThirtyDays() {
        context.run(started -> {
            var settings = started.getBean(DocumentsSettings.class);
            assertThat(settings.batchDir().toAbsolutePath().normalize()).isEqualTo(Path.of("data/letters").toAbsolutePath());
            assertThat(settings.batchPartSize()).isEqualTo(1000);
            assertThat(settings.nodeId()).isEmpty();
            assertThat(settings.purgeAfter()).isEqualTo(Duration.ofDays(30));
        });
    }

    /** As application*.yaml and the environment give them: a relative folder, and a duration in either of Boot's forms. */
    @Test
    void takesARelativeFolderAndDurationsAsIsoOrShort() {
        context.withPropertyValues("vigil.documents.batch-dir=target/letters", "vigil.documents.purge-after=7d",
                "vigil.documents.node-id=vigil-1").run(started -> {
            var settings = started.getBean(DocumentsSettings.class);
            assertThat(settings.batchDir().toAbsolutePath().normalize()).isEqualTo(Path.of("target/letters").toAbsolutePath());
            assertThat(settings.purgeAfter()).isEqualTo(Duration.ofDays(7));
            assertThat(settings.nodeId()).isEqualTo("vigil-1");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        vigil.documents.batch-part-size=0     | batchPartSize
        vigil.documents.batch-part-size=-5    | batchPartSize
        vigil.documents.purge-after=P0D       | purgeAfter
        vigil.documents.purge-after=-P1D      | purgeAfter
        """)
    void refusesToStartWithBatchesThatCouldNotBeWrittenOrKept(String setting, String field) {
        context.withPropertyValues(setting).run(started -> assertThat(started).hasFailed().getFailure()
                .hasStackTraceContaining(setting.substring(0, setting.indexOf('=')))
                .hasStackTraceContaining("field '" + field + "'"));
    }
}
