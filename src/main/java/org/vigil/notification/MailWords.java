package org.vigil.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The company's words in a mail, for templates as {@code $words}: times in the company zone with its abbreviation
 * ({@code $words.at($deadline)}: "Wed 1 Apr 2026 17:00 EDT"), days ({@code $words.day($due)}), people by name
 * ({@code $words.person($reviewer)}: "Morgan Manager") and groups by theirs ({@code $words.group('privacy-office')}).
 * Models carry instants and ids, which stay true when a name or the zone changes; the words are made at sending.
 */
// Public: Velocity calls methods of public classes only. A bean of NotificationConfiguration.
public class MailWords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;
    private final UnaryOperator<String> personName;
    private final UnaryOperator<String> groupName;

    /** In {@code zone}; people's and groups' names as the directory gives them (the user id or group id when it has none). */
    MailWords(ZoneId zone, UnaryOperator<String> personName, UnaryOperator<String> groupName) {
        this.zone = zone;
        this.personName = personName;
        this.groupName = groupName;
    }

    /** An instant (ISO-8601, with or without offset) as a time in the company zone: "Wed 1 Apr 2026 17:00 EDT". */
    public String at(Object instant) {
        return WHEN.format(instant(instant).atZone(zone));
    }

    /** An instant or a date as the day in the company zone: "Wed 1 Apr 2026". */
    public String day(Object value) {
        String text = String.valueOf(value);
        return DAY.format(text.length() == 10 ? LocalDate.parse(text) : instant(value).atZone(zone).toLocalDate());
    }

    public String person(Object userId) {
        return personName.apply(String.valueOf(userId));
    }

    public String group(Object groupId) {
        return groupName.apply(String.valueOf(groupId));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        String text = String.valueOf(value);
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException notUtc) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}
