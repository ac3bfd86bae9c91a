package org.vigil.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Work that two nodes starting together must not do at once (seeding, announcing what changed since the last start):
 * a MariaDB named lock ({@code GET_LOCK}) taken on a connection of its own, so the work may open and commit its own
 * transaction while the lock is held; the other node waits up to 60 s and then finds what this one committed.
 */
@Component
public class NamedDatabaseLock {

    private static final int WAIT_SECONDS = 60;

    private final DataSource dataSource;

    NamedDatabaseLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} holding the lock {@code name}; {@code what} names it in the error when another node keeps it. */
    public <T> T holding(String name, String what, Supplier<T> work) throws SQLException {
        try (Connection lock = dataSource.getConnection()) {
            try (var statement = lock.prepareStatement("SELECT GET_LOCK(?, " + WAIT_SECONDS + ")")) {
                statement.setString(1, name);
                try (var result = statement.executeQuery()) {
                    if (!result.next() || result.getInt(1) != 1) {
                        throw new IllegalStateException("Another node held the " + what + " lock for " + WAIT_SECONDS + " s");
                    }
                }
            }
            try {
                return work.get();
            } finally {
                try (var release = lock.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    release.setString(1, name);
                    release.execute();
                }
            }
        }
    }
}
