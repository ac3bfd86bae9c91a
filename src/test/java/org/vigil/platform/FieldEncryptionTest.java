package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;

/** Patient data is encrypted with a key of the installation's own; the published demo key only in the demo (issue 12, item 10). */
class FieldEncryptionTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Encryption.class);

    @Test
    void withoutAKeyOfItsOwnVigilRefusesToStartAndSaysHowToSetOne() {
        context.run(started -> assertRefusedNamingHowToSetAKey(started.getStartupFailure()));
        // What application.yaml makes of an unset VIGIL_CRYPTO_ACTIVE_KEY.
        context.withPropertyValues("vigil.crypto.active-key=", "vigil.crypto.keys.k1=" + randomKey())
                .run(started -> assertRefusedNamingHowToSetAKey(started.getStartupFailure()));

        context.withPropertyValues("vigil.crypto.active-key=k1", "vigil.crypto.keys.k1=" + randomKey()).run(started -> {
            var encryption = started.getBean(FieldEncryption.class);
            assertThat(encryption.decrypt(encryption.encrypt("Jane Doe, MRN 0042"))).isEqualTo("Jane Doe, MRN 0042");
        });
    }

    @Test
    void theDemoKeyIsRefusedOutsideTheDemoProfileUnderAnyIdAndWorksInIt() {
        String demoKey = demoKey();
        context.withPropertyValues("vigil.crypto.active-key=demo1", "vigil.crypto.keys.demo1=" + demoKey)
                .run(started -> assertRefusedNamingHowToSetAKey(started.getStartupFailure()));
        // Kept beside a key of its own, it would still decrypt whatever it once sealed: as good as plain text.
        context.withPropertyValues("vigil.crypto.active-key=k1", "vigil.crypto.keys.k1=" + randomKey(), "vigil.crypto.keys.old=" + demoKey)
                .run(started -> assertRefusedNamingHowToSetAKey(started.getStartupFailure()));

        context.withInitializer(demo -> demo.getEnvironment().setActiveProfiles("demo"))
                .withPropertyValues("vigil.crypto.active-key=demo1", "vigil.crypto.keys.demo1=" + demoKey)
                .run(started -> {
                    var encryption = started.getBean(FieldEncryption.class);
                    assertThat(encryption.decrypt(encryption.encrypt("demo"))).isEqualTo("demo");
                });
    }

    private static void assertRefusedNamingHowToSetAKey(Throwable failure) {
        assertThat(failure).as("start-up failure").isNotNull();
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("VIGIL_CRYPTO_ACTIVE_KEY=")
                .hasMessageContaining("VIGIL_CRYPTO_KEYS_");
        assertThat(cause.getMessage()).doesNotContain(demoKey());
    }

    /** The key the demo profile ships, read where it ships. */
    private static String demoKey() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-demo.yaml"));
        return yaml.getObject().getProperty("vigil.crypto.keys.demo1");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FieldEncryption.CryptoSettings.class)
    @Import(FieldEncryption.class)
    static class Encryption {}
}
