package org.vigil.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Camunda's tables, created by Camunda's own scripts (shipped in the engine jar) as one of Vigil's migrations, so the
 * engine never changes the schema at start ({@code camunda.bpm.database.schema-update: false}). A database whose
 * engine created its tables before (Vigil up to 2026-12) is only checked. A Camunda upgrade adds the next migration,
 * running the engine jar's {@code db/upgrade/mysql_engine_<from>_to_<to>.sql} (see README, Upgrading);
 * {@code CamundaSchemaMigrationTest} fails when the engine's version moves without one.
 */
@Component
class CamundaSchemaMigration implements JavaMigration {

    /** The Camunda minor version whose schema this migration creates. */
    static final String CAMUNDA_MINOR = "7.24";

    private static final String SCRIPTS = "org/camunda/bpm/engine/db/create/activiti.mysql.create.";
    /** In the order Camunda creates them: runtime, history, identity, then CMMN and DMN, runtime before history. */
    private static final List<String> COMPONENTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("023");
    }

    @Override
    public String getDescription() {
        return "camunda " + CAMUNDA_MINOR + " schema";
    }

    @Override
    public Integer getChecksum() {
        return CAMUNDA_MINOR.hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        // MariaDB commits each CREATE TABLE on its own.
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!LegacyMigrationNames.tableExists(connection, "ACT_GE_PROPERTY")) {
            for (ClassPathResource script : createScripts()) {
                ScriptUtils.executeSqlScript(connection, script);
            }
            return;
        }
        String installed = installedVersion(connection);
        if (!installed.startsWith(CAMUNDA_MINOR + ".")) {
            throw new IllegalStateException("This database holds Camunda's schema " + installed + ", not " + CAMUNDA_MINOR
                    + ": upgrade it with Camunda's scripts first (README, Upgrading)");
        }
    }

    static List<ClassPathResource> createScripts() {
        return COMPONENTS.stream().map(component -> new ClassPathResource(SCRIPTS + component + ".sql")).toList();
    }

    /** The engine's own version, as the engine jar states it (7.24.0). */
    static String engineVersion() {
        return ProductPropertiesUtil.getProductVersion();
    }

    private static String installedVersion(Connection connection) throws SQLException {
        if (!LegacyMigrationNames.tableExists(connection, "ACT_GE_SCHEMA_LOG")) {
            return "before 7.6";
        }
        try (var query = connection.prepareStatement(
                "select VERSION_ from ACT_GE_SCHEMA_LOG order by cast(ID_ as unsigned) desc limit 1");
                var rows = query.executeQuery()) {
            return rows.next() ? rows.getString(1) : "of unknown version";
        }
    }
}
