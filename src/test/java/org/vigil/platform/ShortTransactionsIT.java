package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.TestDatabase;
import org.vigil.VigilSpringTest;

/**
 * A real deadlock on MariaDB: another transaction, heavier, holds rows this one needs while wanting the row this one
 * holds. MariaDB rolls back the lighter one, ours; it is tried again after a pause and succeeds once the other has
 * committed, and says so in the log. (The driver still logs MariaDB's own error packet, as a warning: a deadlock that
 * happened is never hidden, which is why the load tests can count them.)
 */
@VigilSpringTest
@ExtendWith(OutputCaptureExtension.class)
class ShortTransactionsIT {

    private static final int OTHERS_ROWS = 60;

    @Autowired ShortTransactions transactions;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void probeTable() {
        // A table of the test's own: no migration, no other test's rows.
        jdbc.execute("create table if not exists lock_conflict_probe (id int primary key, v int not null) engine = InnoDB");
        jdbc.update("delete from lock_conflict_probe");
        for (int id = 1; id <= OTHERS_ROWS; id++) {
            jdbc.update("insert into lock_conflict_probe (id, v) values (?, 0)", id);
        }
    }

    @Test
    void theVictimOfADeadlockIsTriedAgainAndSucceedsAfterTheOtherCommits(CapturedOutput output) throws Exception {
        var othersHold = new CountDownLatch(1);
        var oursHolds = new CountDownLatch(1);
        var attempts = new AtomicInteger();
        var other = Executors.newSingleThreadExecutor();
        try {
            var others = other.submit(() -> {
                try (var connection = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
                        var statement = connection.createStatement()) {
                    connection.setAutoCommit(false);
                    statement.executeUpdate("update lock_conflict_probe set v = v + 10 where id between 2 and " + OTHERS_ROWS);
                    othersHold.countDown();
                    oursHolds.await();
                    statement.executeUpdate("update lock_conflict_probe set v = v + 10 where id = 1"); // closes the cycle
                    connection.commit();
                }
                return null;
            });
            othersHold.await();

            int changed = transactions.run("lock probe", () -> {
                attempts.incrementAndGet();
                int rows = jdbc.update("update lock_conflict_probe set v = v + 1 where id = 1");
                oursHolds.countDown();
                return rows + jdbc.update("update lock_conflict_probe set v = v + 1 where id = 2");
            });

            others.get();
            assertThat(changed).isEqualTo(2);
        } finally {
            oursHolds.countDown();
            other.shutdownNow();
        }
        assertThat(attempts.get()).as("attempts: the first was the deadlock's victim").isEqualTo(2);
        assertThat(jdbc.queryForList("select v from lock_conflict_probe where id in (1, 2) order by id", Integer.class)).containsExactly(11, 11);
        assertThat(output.getAll()).contains("lock probe: lost a lock conflict (attempt 1 of 5), trying again");
    }

    @Test
    void aFailureThatIsNoLockConflictIsNotTriedAgain() {
        var attempts = new AtomicInteger();
        assertThatThrownBy(() -> transactions.run("failing probe", () -> {
            attempts.incrementAndGet();
            return jdbc.update("update no_such_table set v = 1");
        })).isNotInstanceOf(PessimisticLockingFailureException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }
}
