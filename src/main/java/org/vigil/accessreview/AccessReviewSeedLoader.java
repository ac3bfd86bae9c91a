package org.vigil.accessreview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.platform.SeedReader;
import org.vigil.platform.SeedSettings;
import org.vigil.accessreview.AccessReviewApi.PhiSystem;

/**
 * Loads {@code seeds/accessreview/systems.yaml} into the register at every start (missing systems only), and in the
 * demo profile the demo roster and entitlements of {@code seeds/demo/access-review-*.yaml} when no snapshot exists
 * yet. Runs after the platform's seeds (demo users first); a database lock keeps two nodes from doing it twice.
 */
@Component
@Order(10)
class AccessReviewSeedLoader implements ApplicationRunner {

    static final String SYSTEMS = "seeds/accessreview/systems.yaml";
    static final String DEMO_ROSTER = "seeds/demo/access-review-roster.yaml";
    static final String DEMO_ENTITLEMENTS = "seeds/demo/access-review-entitlements.yaml";
    private static final Logger log = LoggerFactory.getLogger(AccessReviewSeedLoader.class);

    record SystemSeed(String id, String name, String owner, String deputy, String classification) {}

    record Systems(List<SystemSeed> systems) {}

    private final PhiSystemRegister register;
    private final SnapshotImports imports;
    private final AccessReviewStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final boolean demo;
    private final ObjectMapper json;

    AccessReviewSeedLoader(PhiSystemRegister register, SnapshotImports imports, AccessReviewStore store, JdbcClient jdbc, TransactionTemplate transaction,
            SeedSettings seeds, ObjectMapper json) {
        this.json = json;
        this.register = register;
        this.imports = imports;
        this.store = store;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.demo = seeds.demo();
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            // The transaction keeps one connection, so the named lock is taken and released on the same one.
            Integer locked = jdbc.sql("SELECT GET_LOCK('vigil.seeds.accessreview', 60)").query(Integer.class).single();
            if (locked == null || locked != 1) {
                throw new IllegalStateException("Another node held the access-review seed lock for 60 s");
            }
            try {
                load();
            } finally {
                jdbc.sql("SELECT RELEASE_LOCK('vigil.seeds.accessreview')").query(Integer.class).optional();
            }
        });
    }

    void load() {
        int added = 0;
        for (SystemSeed seed : read(SYSTEMS, Systems.class).systems()) {
            if (register.seedSystem(new PhiSystem(seed.id(), seed.name(), seed.owner(), seed.deputy(), seed.classification()))) {
                added++;
            }
        }
        log.info("Seed {} loaded: {} system(s) added to the register", SYSTEMS, added);
        if (!demo) {
            return;
        }
        if (!store.anySnapshot(SnapshotKind.ROSTER.name(), null)) {
            importDemo(DEMO_ROSTER, SnapshotKind.ROSTER);
        }
        if (store.systems().stream().noneMatch(s -> store.anySnapshot(SnapshotKind.ENTITLEMENTS.name(), s.id()))) {
            importDemo(DEMO_ENTITLEMENTS, SnapshotKind.ENTITLEMENTS);
        }
    }

    private void importDemo(String path, SnapshotKind kind) {
        JsonNode rows = read(path, JsonNode.class).path("rows");
        try {
            imports.importSnapshot(kind, "application/json", json.writeValueAsBytes(rows), "seed", "seed");
            log.info("Demo seed {} imported: {} rows", path, rows.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String path, Class<T> type) {
        return SeedReader.read(path, type);
    }
}
