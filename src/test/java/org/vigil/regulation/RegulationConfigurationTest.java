package org.vigil.regulation;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog is loaded once at start from {@code vigil.regulation.catalog-location}; a bad one stops the start. */
class RegulationConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RegulationConfiguration.class);

    @Test
    void loadsTheShippedCatalogByDefault() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(NotificationPlans.class).catalogVersion()).isEqualTo("2026-12-01");
        });
    }

    @Test
    void refusesToStartWhenTheConfiguredCatalogIsMissing() {
        context.withPropertyValues("vigil.regulation.catalog-location=classpath:seeds/regulation/nowhere.yaml")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("classpath:seeds/regulation/nowhere.yaml not found"));
    }

    @Test
    void refusesToStartWhenTheCatalogHasABadEntry() {
        context.withPropertyValues("vigil.regulation.catalog-location=classpath:broken-catalog.yaml")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("classpath:broken-catalog.yaml")
                        .hasMessageContaining("rule X1: basis (citation) is missing"));
    }
}
