package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code vigil.base-url}: the links in e-mails start with it, so it must be an address a browser can open. */
class SiteSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SiteSettings.class)
    static class SettingsOnly {}

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(SettingsOnly.class);

    @Test
    void linksPointToLocalhostUnlessToldAndNeverEndInASlash() {
        context.run(started -> assertThat(started.getBean(SiteSettings.class).base()).isEqualTo("http://localhost:8080"));
        context.withPropertyValues("vigil.base-url=https://vigil.example.org/isms/").run(started ->
                assertThat(started.getBean(SiteSettings.class).base()).isEqualTo("https://vigil.example.org/isms"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vigil.example.org", "ftp://vigil.example.org", "https://vigil example.org", ""})
    void refusesToStartOnAnAddressNoLinkCouldUse(String address) {
        context.withPropertyValues("vigil.base-url=" + address).run(started -> assertThat(started).hasFailed().getFailure()
                .hasStackTraceContaining("vigil.base-url").hasStackTraceContaining("http(s) address"));
    }
}
