package org.vigil.regulation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
 * named lock decides). The very first start only records its version: nothing has changed yet.
 */
@Component
class CatalogVersions implements ApplicationRunner {

    private final RuleCatalog catalog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogVersions(RuleCatalog catalog, JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> seen(catalog.version()));
    }

    /** Records {@code version} as seen; true when it was new and announced. */
    boolean seen(String version) {
        jdbc.sql("SELECT GET_LOCK('vigil.regulation.catalog-versions', 60)").query(Integer.class).single();
        try {
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
        } finally {
            jdbc.sql("SELECT RELEASE_LOCK('vigil.regulation.catalog-versions')").query(Integer.class).optional();
        }
    }
}
