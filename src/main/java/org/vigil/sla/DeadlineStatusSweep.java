package org.vigil.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.platform.ShortTransactions;

/**
 * Moves open deadlines to at risk and overdue as the clock passes their warning and due times, without ever holding a
 * range of the registry: the keys are read first, then updated a hundred at a time, each batch in a short transaction
 * of its own ({@link ShortTransactions}). Within a batch, a row another transaction holds (a task being completed or
 * moved by the engine) is skipped rather than waited for: that transaction decides its status, or the next sweep does.
 * So the sweep never waits on the engine's locks, and no intake can make either of them a deadlock's victim.
 */
@Component
class DeadlineStatusSweep {

    // Each condition is checked again on the locked row: it may have been completed or moved since the keys were read.
    private static final String FALLEN_OVERDUE = "completed_at is null and status in ('OPEN', 'AT_RISK') and due_at < ?";
    private static final String FALLEN_AT_RISK = "completed_at is null and status = 'OPEN' and warn_at <= ? and due_at >= ?";

    private final DeadlineRepository deadlines;
    private final JdbcTemplate jdbc;
    private final ShortTransactions transactions;
    private final Clock clock;

    DeadlineStatusSweep(DeadlineRepository deadlines, JdbcTemplate jdbc, ShortTransactions transactions, Clock clock) {
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return how many deadlines changed status */
    int run() {
        Instant now = clock.instant();
        var utcNow = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        int overdue = transactions.inBatches("SLA refresh (overdue)", deadlines.idsFallenOverdue(now),
                ids -> mark(ids, DeadlineStatus.OVERDUE, FALLEN_OVERDUE, utcNow));
        int atRisk = transactions.inBatches("SLA refresh (at risk)", deadlines.idsFallenAtRisk(now),
                ids -> mark(ids, DeadlineStatus.AT_RISK, FALLEN_AT_RISK, utcNow, utcNow));
        return overdue + atRisk;
    }

    private int mark(List<Long> ids, DeadlineStatus status, String condition, Object... now) {
        String keys = String.join(", ", Collections.nCopies(ids.size(), "?"));
        var arguments = new ArrayList<Object>(ids);
        arguments.addAll(List.of(now));
        // Vigil's tables keep UTC date-times (hibernate.jdbc.time_zone), hence the LocalDateTime arguments.
        List<Long> free = jdbc.queryForList("select id from deadline_entry where id in (" + keys + ") and " + condition
                + " for update skip locked", Long.class, arguments.toArray());
        if (free.isEmpty()) {
            return 0;
        }
        var update = new ArrayList<Object>();
        update.add(status.name());
        update.addAll(free);
        return jdbc.update("update deadline_entry set status = ? where id in (" + String.join(", ", Collections.nCopies(free.size(), "?")) + ")",
                update.toArray());
    }
}
