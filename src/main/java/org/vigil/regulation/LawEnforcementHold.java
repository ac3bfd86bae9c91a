package org.vigil.regulation;

import org.vigil.regulation.PlanRequest.LawEnforcementDelay;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A law-enforcement hold under 45 CFR 164.412 (C10): notices must not be released before {@code holdUntil}.
 * (a) a written statement holds for the period it specifies; (b) an oral one for at most 30 days from the statement,
 * unless a written statement arrives within those 30 days.
 */
record LawEnforcementHold(LocalDate lastDay, OffsetDateTime holdUntil, long delayDays, String description) {

    static LawEnforcementHold of(LawEnforcementDelay delay, ZoneId zone, RuleCatalog.LawEnforcementTerms terms) {
        LocalDate statementDate = DeadlineCalculator.localDate(delay.statementAt().toInstant(), zone);
        int oralMax = terms.oralStatementMaxDays();
        Integer requested = delay.requestedDurationDays();
        LocalDate oralEnd = statementDate.plusDays(requested == null ? oralMax : Math.min(requested, oralMax));
        String oral = "oral statement " + statementDate + ", hold at most " + oralMax + " days (" + terms.basis() + "(b))";
        var followup = delay.writtenFollowup();

        return switch (delay.form()) {
            case ORAL -> hold(statementDate, oralEnd, zone, oral);
            case WRITTEN -> {
                LocalDate written = writtenEnd(statementDate, requested, followup, zone);
                yield written != null
                        ? hold(statementDate, written, zone, "written statement " + statementDate + " specifying the delay until "
                        + written + " (" + terms.basis() + "(a))")
                        // A written statement that names no period is not one under (a): hold no longer than an oral one.
                        : hold(statementDate, oralEnd, zone, "written statement " + statementDate
                        + " names no period, so it holds no longer than an oral one (" + terms.basis() + "(b))");
            }
            case ORAL_THEN_WRITTEN -> {
                LocalDate received = DeadlineCalculator.localDate(followup.receivedAt().toInstant(), zone);
                LocalDate written = writtenEnd(received, requested, followup, zone);
                if (written != null && !received.isAfter(statementDate.plusDays(oralMax))) {
                    yield hold(statementDate, written, zone, oral + "; written statement received " + received
                            + " within that time extends it to " + written + " (" + terms.basis() + "(a))");
                }
                yield hold(statementDate, oralEnd, zone, oral + "; the written statement received " + received
                        + (written == null ? " names no period" : " came after the " + oralMax + " days")
                        + ", so the oral limit applies");
            }
        };
    }

    private static LocalDate writtenEnd(LocalDate from, Integer requested, PlanRequest.WrittenFollowup followup, ZoneId zone) {
        if (followup != null && followup.delayUntilDate() != null) {
            return followup.delayUntilDate();
        }
        return requested == null ? null : from.plusDays(requested);
    }

    private static LawEnforcementHold hold(LocalDate statementDate, LocalDate lastDay, ZoneId zone, String description) {
        return new LawEnforcementHold(lastDay, DeadlineCalculator.endOfDay(lastDay, zone),
                Math.max(0, ChronoUnit.DAYS.between(statementDate, lastDay)), description);
    }
}
