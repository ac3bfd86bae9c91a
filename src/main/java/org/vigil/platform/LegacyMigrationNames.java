package org.vigil.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrations were first numbered per capability (V10 breach, V20 access review, V40 documents), so a migration
 * added later to a lower-numbered capability (V12 after V40) failed Flyway's validation on every database already
 * past it. They are now one global sequence (V001, V002, ...) in the order every database applied them; this
 * renames the rows of a database migrated under the old names, once, before Flyway validates. The scripts' contents
 * and checksums did not change.
 */
final class LegacyMigrationNames {

    private static final Logger log = LoggerFactory.getLogger(LegacyMigrationNames.class);

    /** Old script name to new, in the order they were applied. */
    static final Map<String, String> RENAMED = renamed(
            "V1__seed_file.sql", "V001__seed_file.sql",
            "V2__event_publication.sql", "V002__event_publication.sql",
            "V10__breach.sql", "V003__breach.sql",
            "V12__notice_facts.sql", "V004__notice_facts.sql",
            "V13__incident_evidence.sql", "V005__incident_evidence.sql",
            "V20__access_review.sql", "V006__access_review.sql",
            "V30__sla.sql", "V007__sla.sql",
            "V40__documents.sql", "V008__documents.sql",
            "V41__letter_batch_claim.sql", "V009__letter_batch_claim.sql",
            "V42__letter_batch_at_rest.sql", "V010__letter_batch_at_rest.sql",
            "V43__obligation_rule.sql", "V011__obligation_rule.sql",
            "V44__obligation_plan_changes.sql", "V012__obligation_plan_changes.sql",
            "V50__incident_event.sql", "V013__incident_event.sql",
            "V51__dispatch_correction.sql", "V014__dispatch_correction.sql",
            "V60__affected_individual_counterparty.sql", "V015__affected_individual_counterparty.sql",
            "V70__incident_contained_at.sql", "V016__incident_contained_at.sql",
            "V71__sla_incident_response_time.sql", "V017__sla_incident_response_time.sql",
            "V72__sla_access_review_completion.sql", "V018__sla_access_review_completion.sql",
            "V73__revocation_process_started.sql", "V019__revocation_process_started.sql",
            "V74__incident_containment_summary.sql", "V020__incident_containment_summary.sql",
            "V75__obligation_send_back_reason.sql", "V021__obligation_send_back_reason.sql",
            "V76__sla_deadline_by_instance.sql", "V022__sla_deadline_by_instance.sql");

    private LegacyMigrationNames() {}

    /** Renames the history rows that still carry an old name; a database without them is left as it is. */
    static void renameIn(DataSource dataSource, String historyTable) {
        try (Connection connection = dataSource.getConnection()) {
            if (!tableExists(connection, historyTable)) {
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            int renamed = 0;
            // The table name is Vigil's own setting (spring.flyway.table), never user input.
            try (var update = connection.prepareStatement(
                    "update `" + historyTable + "` set version = ?, script = ? where script = ?")) {
                for (var entry : RENAMED.entrySet()) {
                    update.setString(1, version(entry.getValue()));
                    update.setString(2, entry.getValue());
                    update.setString(3, entry.getKey());
                    renamed += update.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            if (renamed > 0) {
                log.info("Renamed {} migrations in {} to the global sequence (V001__...)", renamed, historyTable);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not rename the migrations recorded in " + historyTable, e);
        }
    }

    static String version(String script) {
        return script.substring(1, script.indexOf("__"));
    }

    /** Whether the connection's current database holds {@code table}; also used by {@link CamundaSchemaMigration}. */
    static boolean tableExists(Connection connection, String table) throws SQLException {
        try (var query = connection.prepareStatement(
                "select 1 from information_schema.tables where table_schema = database() and table_name = ?")) {
            query.setString(1, table);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Map<String, String> renamed(String... oldAndNew) {
        var names = new LinkedHashMap<String, String>();
        for (int i = 0; i < oldAndNew.length; i += 2) {
            names.put(oldAndNew[i], oldAndNew[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(names);
    }
}
