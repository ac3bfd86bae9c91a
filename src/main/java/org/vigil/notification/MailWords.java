package org.vigil.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.vigil.platform.CompanySettings;
import org.vigil.platform.PeopleDirectory;

/**
 * The company's words in a mail, for templates as {@code $words}: times in the company zone with its abbreviation
 * ({@code $words.at($deadline)}: "Wed 1 Apr 2026 17:00 EDT"), days ({@code $words.day($due)}), people by name
 * ({@code $words.person($reviewer)}: "Morgan Manager") and groups by theirs ({@code $words.group('privacy-office')}).
 * Models carry instants and ids, which stay true when a name or the zone changes; the words are made at sending.
 */
// Public: Velocity calls methods of public classes only.
@Component
public class MailWords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;
    private final PeopleDirectory people;

    MailWords(CompanySettings company, PeopleDirectory people) {
        this.zone = company.zone();
        this.people = people;
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
        return people.displayNameOf(String.valueOf(userId));
    }

    public String group(Object groupId) {
        return people.groupNameOf(String.valueOf(groupId));
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
