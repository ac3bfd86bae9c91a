package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code vigil.seeds.demo}: no demo data unless asked for, as the demo profile does. */
class SeedSettingsTest {

    /** Just the settings: PlatformConfiguration also reads the company calendar. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SeedSettings.class)
    static class SettingsOnly {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SettingsOnly.class);

    @Test
    void loadsNoDemoDataUnlessAskedFor() {
        context.run(started -> assertThat(started.getBean(SeedSettings.class).demo()).isFalse());
        context.withPropertyValues("vigil.seeds.demo=true").run(started ->
                assertThat(started.getBean(SeedSettings.class).demo()).isTrue());
    }

    @Test
    void refusesToStartOnADemoSwitchThatIsNeitherOnNorOff() {
        context.withPropertyValues("vigil.seeds.demo=perhaps").run(started -> assertThat(started).hasFailed().getFailure()
                .hasStackTraceContaining("vigil.seeds.demo"));
    }
}
