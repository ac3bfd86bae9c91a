package org.vigil.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the reference data in {@code seeds/} at every start, and {@code seeds/demo/} in the demo profile.
 * Idempotent; a database lock keeps two nodes starting together from seeding twice.
 */
@Component
@Order(0)
class SeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final NamedDatabaseLock lock;
    private final ResourceLoader resources;
    private final IdentitySeedLoader identity;
    private final SeedFileRepository seedFiles;
    private final Clock clock;
    private final boolean demo;

    SeedLoader(NamedDatabaseLock lock, ResourceLoader resources, IdentitySeedLoader identity,
            SeedFileRepository seedFiles, Clock clock, SeedSettings seeds) {
        this.lock = lock;
        this.resources = resources;
        this.identity = identity;
        this.seedFiles = seedFiles;
        this.clock = clock;
        this.demo = seeds.demo();
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        lock.holding("vigil.seeds", "seed", () -> {
            identity.load(read("seeds/identity/groups-and-grants.yaml", IdentitySeeds.GroupsAndGrants.class));
            if (demo) {
                identity.load(read("seeds/demo/users.yaml", IdentitySeeds.DemoUsers.class));
            }
            return null;
        });
    }

    private <T> T read(String path, Class<T> type) {
        Resource resource = resources.getResource("classpath:" + path);
        try {
            byte[] content = resource.getContentAsByteArray();
            T seeds = SeedReader.read(content, path, type);
            seedFiles.save(new SeedFile(path, Sha256.hex(content), Instant.now(clock)));
            log.info("Seed {} loaded", path);
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException("Seed file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

}
