package org.vigil;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The clock of a process test. Vigil has one clock, the engine's ({@code org.vigil.platform.EngineClock} reads
 * Camunda's {@link ClockUtil}), so fixing {@code ClockUtil} fixes both. Before each test it stands still at a literal
 * instant; after each test, passed or failed, it is back on the system clock. Within a test it only moves forward,
 * and only when the test moves it:
 *
 * <pre>
 * &#64;RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);
 * ...
 * clock.moveTo("2026-04-29T23:59:59-04:00");
 * </pre>
 *
 * The job executor is off in tests (application-test.yaml): moving the clock fires no timer by itself; a test
 * executes the job it means to, after checking its due date.
 */
public final class TestClock implements BeforeEachCallback, AfterEachCallback {

    /** Monday 2 March 2026, 09:00 in the company zone (America/New_York, still EST): a working day begins. */
    public static final String MONDAY_MORNING = "2026-03-02T09:00:00-05:00";

    private final Instant start;
    private Instant now;

    private TestClock(Instant start) {
        this.start = start;
    }

    /** A clock that stands at {@code isoDateTime} (with its offset, e.g. {@code 2026-03-02T09:00:00-05:00}) as each test begins. */
    public static TestClock at(String isoDateTime) {
        return new TestClock(instant(isoDateTime));
    }

    /** The instant written as an ISO date-time with offset: the literal expected dates of a test. */
    public static Instant instant(String isoDateTime) {
        return OffsetDateTime.parse(isoDateTime).toInstant();
    }

    public Instant now() {
        return now;
    }

    /** Moves the clock forward to {@code isoDateTime}; a test that would turn it back has a mistake in it. */
    public void moveTo(String isoDateTime) {
        moveTo(instant(isoDateTime));
    }

    public void moveTo(Instant later) {
        if (now == null) {
            throw new IllegalStateException("The test clock runs only within a test");
        }
        if (later.isBefore(now)) {
            throw new IllegalArgumentException("The test clock only moves forward: it stands at " + now + ", not moving back to " + later);
        }
        set(later);
    }

    public void moveBy(Duration duration) {
        moveTo(now.plus(duration));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        set(start);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        now = null;
        ClockUtil.reset();
    }

    private void set(Instant instant) {
        now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
