package org.vigil.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.vigil.VigilSpringTest;
import org.vigil.regulation.events.CatalogVersionChanged;

/**
 * The rule catalog's versions seen at start (issue 20, a trigger of the risk assessment): the first start records its
 * version and announces nothing; a version not seen before is announced once with the one before it; a version seen
 * again is not; two nodes finding the same new version at once announce it once and both start.
 */
@VigilSpringTest
@RecordApplicationEvents
class CatalogVersionsTest {

    @Autowired CatalogVersions versions;
    @Autowired RuleCatalog catalog;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    @Test
    void theFirstStartRecordsOnlyAndANewVersionIsAnnouncedOnce() throws Exception {
        forgetEverything();
        assertThat(versions.seen("2030.1")).as("the first start").isFalse();
        assertThat(versions.seen("2030.1")).as("a restart").isFalse();
        assertThat(events.stream(CatalogVersionChanged.class)).isEmpty();

        assertThat(versions.seen("2030.2")).isTrue();
        assertThat(versions.seen("2030.2")).as("the next start").isFalse();
        assertThat(events.stream(CatalogVersionChanged.class)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo("2030.2");
            assertThat(event.previousVersion()).isEqualTo("2030.1");
        });

        // Two nodes starting together on a new version: one announces it, neither fails.
        var bothReady = new CountDownLatch(2);
        Callable<Boolean> node = () -> {
            bothReady.countDown();
            bothReady.await();
            return versions.seen("2030.3");
        };
        var pool = Executors.newFixedThreadPool(2);
        try {
            var results = pool.invokeAll(List.of(node, node));
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }

        // The catalog's own version recorded as a first start's, for the tests after this one.
        forgetEverything();
        assertThat(versions.seen(catalog.version())).isFalse();
    }

    private void forgetEverything() {
        jdbc.sql("DELETE FROM regulation_catalog_version_seen").update();
    }
}
