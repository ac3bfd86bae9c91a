package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CamundaSchemaMigrationTest {

    /**
     * The engine no longer updates its own schema: a new Camunda minor version in the pom needs a migration running
     * Camunda's upgrade script (db/upgrade/mysql_engine_7.24_to_7.25.sql, say) before Vigil may start on it.
     */
    @Test
    void theSchemaMigrationsReachTheEnginesOwnVersion() {
        assertThat(CamundaSchemaMigration.engineVersion())
                .as("Camunda's version in the pom; add the migration running its upgrade script (README, Upgrading)")
                .startsWith(CamundaSchemaMigration.CAMUNDA_MINOR + ".");
    }

    @Test
    void everyCreateScriptItRunsShipsWithTheEngine() {
        assertThat(CamundaSchemaMigration.createScripts()).isNotEmpty()
                .allSatisfy(script -> assertThat(script.exists()).as(script.getPath()).isTrue());
    }
}
