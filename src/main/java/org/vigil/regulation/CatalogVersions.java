package org.vigil.regulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.regulation.events.CatalogVersionChanged;

/**
 * At start: the rule catalog's version compared with the versions earlier starts have seen (V031
 * regulation_catalog_version_seen); a version not seen before is announced once, whichever node finds it first (a
 * named lock, held until the record is committed, decides). The very first start only records its version: nothing
 * has changed yet.
 */
@Component
class CatalogVersions implements ApplicationRunner {

    static final String LOCK = "vigil.regulation.catalog-versions";

    private final RuleCatalog catalog;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogVersions(RuleCatalog catalog, DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction,
            ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        seen(catalog.version());
    }

    /**
     * Records {@code version} as seen; true when it was new and announced. In a transaction committed while a named
     * lock is held on a connection of its own: a node starting beside this one waits and then finds the version
     * recorded (released before the commit, it would insert the same version again and fail its start).
     */
    boolean seen(String version) throws SQLException {
        try (Connection lock = dataSource.getConnection()) {
            try (var statement = lock.prepareStatement("SELECT GET_LOCK('" + LOCK + "', 60)"); var result = statement.executeQuery()) {
                if (!result.next() || result.getInt(1) != 1) {
                    throw new IllegalStateException("Another node held the catalog version lock for 60 s");
                }
            }
            try {
                return Boolean.TRUE.equals(transaction.execute(status -> record(version)));
            } finally {
                try (var release = lock.prepareStatement("SELECT RELEASE_LOCK('" + LOCK + "')")) {
                    release.execute();
                }
            }
        }
    }

    private boolean record(String version) {
        if (jdbc.sql("SELECT COUNT(*) FROM regulation_catalog_version_seen WHERE version = ?").param(version).query(Integer.class).single() > 0) {
            return false;
        }
        String previous = jdbc.sql("SELECT version FROM regulation_catalog_version_seen ORDER BY first_seen_at DESC, version DESC LIMIT 1")
                .query(String.class).optional().orElse(null);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO regulation_catalog_version_seen (version, first_seen_at) VALUES (?, ?)").params(version, Timestamp.from(now)).update();
        if (previous == null) {
            return false;
        }
        events.publishEvent(new CatalogVersionChanged(version, previous, now));
        return true;
    }
}
