package org.vigil.platform;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Vigil's schema is brought up to date at start. */
@Configuration(proxyBeanMethods = false)
class SchemaMigrationConfiguration {

    /** Old migration names are renamed first, so Flyway validates a database migrated before the renumbering. */
    @Bean
    FlywayMigrationStrategy renameLegacyMigrationsThenMigrate() {
        return flyway -> {
            var configuration = flyway.getConfiguration();
            LegacyMigrationNames.renameIn(configuration.getDataSource(), configuration.getTable());
            flyway.migrate();
        };
    }
}
