package org.vigil.breach;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks a breach's facts pass on every way in: Vigil's API, the Tasklist forms (whatever client submits them)
 * and the Java API. They live here rather than in the engine's form guard, which sees only the engine's APIs. A
 * refusal names the field by its key and by the label the form shows for it (checked against forms/ by a test).
 */
final class FactChecks {

    /**
     * How far ahead of Vigil's clock a past event may be dated: a reporting system's clock or a person rounding up
     * to the next minute, not a mistyped day or year.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The labels of the fields checked here, as forms/*.form shows them (a date-time's date label without " (date)"). */
    static final Map<String, String> LABELS = labels();

    /** The channels of forms/record-dispatch.form, by value. */
    static final Map<String, String> CHANNELS = channels();

    private FactChecks() {}

    private static Map<String, String> labels() {
        var labels = new LinkedHashMap<String, String>();
        // report-incident.form and POST /api/incidents
        labels.put("occurredAt", "When it happened (if known)");
        labels.put("discoveredAt", "When it was discovered");
        labels.put("affectedEstimate", "First estimate of people affected, per jurisdiction");
        // investigate-incident.form and POST /api/incidents/{id}/facts
        labels.put("affectedCounts", "People affected per jurisdiction");
        labels.put("contactInfoOutOfDateCount", "People whose contact information is out of date");
        labels.put("firstKnownToWorkforceAt", "First known to any workforce member or agent (if earlier than discovery)");
        labels.put("determinationAt", "When it was determined that a breach occurred (state clocks)");
        labels.put("lawEnforcementStatementAt", "Statement made at");
        labels.put("lawEnforcementDays", "Delay requested (days)");
        labels.put("lawEnforcementWrittenAt", "Written statement received at");
        labels.put("lawEnforcementDelayUntil", "Written statement: delay until");
        labels.put("affectedCounterparties", "Customers or covered entities whose data is involved (their ids in the agreements register, comma separated)");
        labels.put("businessAssociateDiscoveredAt", "Business associate discovered it at");
        labels.put("businessAssociateNotifiedAt", "Business associate told us at");
        labels.put("gdprAwarenessAt", "Became aware at");
        // record-dispatch.form and POST /api/obligations/{id}/dispatch-corrections
        labels.put("sentAt", "Sent at");
        labels.put("channel", "Channel");
        labels.put("proof", "Proof (tracking number, receipt id, confirmation reference)");
        return Map.copyOf(labels);
    }

    private static Map<String, String> channels() {
        var channels = new LinkedHashMap<String, String>();
        channels.put("first_class_mail", "First-class mail");
        channels.put("email", "E-mail");
        channels.put("regulator_portal", "Regulator portal or web form");
        channels.put("press_release", "Press release to media");
        channels.put("web_posting", "Web posting (substitute notice)");
        channels.put("telephone", "Telephone");
        channels.put("letter_to_counterparty", "Letter or e-mail to the counterparty");
        return java.util.Collections.unmodifiableMap(channels);
    }

    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    /** "Field 'When it was discovered' (discoveredAt) must not lie in the future". */
    static InvalidFactException invalid(String field, String why) {
        return new InvalidFactException(field, "Field '" + label(field) + "' (" + field + ") " + why);
    }

    /**
     * A count of people: a whole number from 0 to {@link Integer#MAX_VALUE}, as a number or as digits. 1.5 is refused,
     * never cut down to 1. Null stays null (the caller knows whether the field is required).
     */
    static Integer wholeCount(Object value, String field) {
        if (value == null || value instanceof String blank && blank.isBlank()) {
            return null;
        }
        BigDecimal number;
        try {
            if (value instanceof BigDecimal decimal) {
                number = decimal;
            } else if (value instanceof BigInteger integer) {
                number = new BigDecimal(integer);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                number = BigDecimal.valueOf(((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                double n = ((Number) value).doubleValue();
                if (!Double.isFinite(n)) {
                    throw invalid(field, "must be a whole number");
                }
                number = BigDecimal.valueOf(n);
            } else if (value instanceof String text) {
                number = new BigDecimal(text.strip());
            } else {
                throw invalid(field, "must be a whole number");
            }
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a whole number");
        }
        // A huge exponent (1e999999999) costs nothing here: the comparisons come before any expansion.
        if (number.signum() < 0) {
            throw invalid(field, "must not be negative");
        }
        if (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw invalid(field, "must be a whole number of at most " + Integer.MAX_VALUE);
        }
        if (number.stripTrailingZeros().scale() > 0) {
            throw invalid(field, "must be a whole number (people are counted whole)");
        }
        return number.intValueExact();
    }

    /** An event that has happened: not after now, give or take {@link #CLOCK_SKEW}. */
    static void notInFuture(OffsetDateTime at, Instant now, String field) {
        if (at != null) {
            notInFuture(at.toInstant(), now, field);
        }
    }

    static void notInFuture(Instant at, Instant now, String field) {
        if (at != null && at.isAfter(now.plus(CLOCK_SKEW))) {
            throw invalid(field, "must not lie in the future: it records something that has happened");
        }
    }

    /** {@code earlier} may not come after {@code later} ("occurred" after "discovered"). */
    static void notAfter(OffsetDateTime earlier, String field, OffsetDateTime later, String laterField) {
        if (earlier != null && later != null && earlier.isAfter(later)) {
            throw invalid(field, "must not lie after '" + label(laterField) + "' (" + laterField + ")");
        }
    }

    /** A dispatch channel of forms/record-dispatch.form, whatever path submits it. */
    static String channel(String value, String field) {
        if (value != null && !CHANNELS.containsKey(value)) {
            throw invalid(field, "must be one of " + String.join(", ", CHANNELS.keySet()));
        }
        return value;
    }
}
