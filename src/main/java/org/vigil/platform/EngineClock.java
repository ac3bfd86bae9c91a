package org.vigil.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of Vigil: the engine's. Camunda reads its time from {@link ClockUtil} (due dates, timers, history);
 * every capability reads this {@link Clock}, which asks the same source, so a deadline Vigil computes and the timer
 * the engine sets for it can never disagree about what "now" is. In production both are the system clock; a test
 * that moves the engine's clock ({@code ClockUtil.setCurrentTime}) moves Vigil's with it.
 */
final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }

    @Override
    public long millis() {
        return ClockUtil.now().getTime();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new EngineClock(other);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EngineClock clock && clock.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode() + 1;
    }

    @Override
    public String toString() {
        return "EngineClock[" + zone + "]";
    }
}
