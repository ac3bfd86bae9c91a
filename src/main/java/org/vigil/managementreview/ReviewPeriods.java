package org.vigil.managementreview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The periods reviews cover, in the company zone: a quarterly review the last complete quarter ({@code 2026-Q3}), the
 * monthly security review the last complete month ({@code 2026-10}), the annual ISMS review the last complete year
 * ({@code 2026}). Pure Java.
 */
final class ReviewPeriods {

    static final Set<String> KINDS = Set.of("quarterly", "monthly", "annual");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    record Period(String kind, LocalDate first, LocalDate end, String label) {
        Instant from(ZoneId zone) {
            return first.atStartOfDay(zone).toInstant();
        }

        Instant to(ZoneId zone) {
            return end.atStartOfDay(zone).toInstant();
        }

        /** The period just before this one. */
        Period previous() {
            return of(kind, first.minusDays(1));
        }

        /** The {@code count} periods before this one, oldest first. */
        List<Period> previous(int count) {
            List<Period> periods = new ArrayList<>();
            Period p = this;
            for (int i = 0; i < count; i++) {
                p = p.previous();
                periods.add(0, p);
            }
            return periods;
        }
    }

    private ReviewPeriods() {}

    /** The last complete period of {@code kind} before {@code today}. */
    static Period lastCompleteBefore(String kind, LocalDate today) {
        return of(kind, today).previous();
    }

    /** The period of {@code kind} that holds {@code day}. */
    static Period of(String kind, LocalDate day) {
        return switch (kind) {
            case "quarterly" -> {
                int quarter = (day.getMonthValue() - 1) / 3 + 1;
                LocalDate first = LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
                yield new Period(kind, first, first.plusMonths(3), day.getYear() + "-Q" + quarter);
            }
            case "monthly" -> {
                LocalDate first = day.withDayOfMonth(1);
                yield new Period(kind, first, first.plusMonths(1), String.format("%d-%02d", day.getYear(), day.getMonthValue()));
            }
            case "annual" -> {
                LocalDate first = LocalDate.of(day.getYear(), 1, 1);
                yield new Period(kind, first, first.plusYears(1), String.valueOf(day.getYear()));
            }
            default -> throw new IllegalArgumentException("kind: must be one of quarterly, monthly, annual");
        };
    }

    /** The period a label names, checked against the kind; not after the period holding {@code today}. */
    static Period parse(String kind, String label, LocalDate today) {
        Matcher m;
        LocalDate day;
        try {
            switch (kind) {
                case "quarterly" -> {
                    m = QUARTER.matcher(label);
                    require(m.matches(), "periodLabel: a quarterly review's period is a quarter, e.g. 2026-Q3");
                    day = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
                }
                case "monthly" -> {
                    m = MONTH.matcher(label);
                    require(m.matches(), "periodLabel: a monthly review's period is a month, e.g. 2026-10");
                    day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
                }
                case "annual" -> {
                    m = YEAR.matcher(label);
                    require(m.matches(), "periodLabel: an annual review's period is a year, e.g. 2026");
                    day = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
                }
                default -> throw new IllegalArgumentException("kind: must be one of quarterly, monthly, annual");
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("periodLabel: not a period");
        }
        Period period = of(kind, day);
        require(!period.first().isAfter(today), "periodLabel: " + label + " has not begun yet");
        require(period.first().getYear() >= 2000, "periodLabel: " + label + " is before 2000");
        return period;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
