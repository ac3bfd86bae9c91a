package org.vigil.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the company calendar file ({@code vigil.company.calendar}) and refuses a bad one with a message naming the
 * file and the entry: a wrong holiday would move every SLA and revocation deadline around it without anyone noticing.
 */
public final class CompanyCalendarFile {

    private static final Set<String> SECTIONS = Set.of("workingDays", "workingHours", "holidays");
    private static final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final String location;

    private CompanyCalendarFile(String location) {
        this.location = location;
    }

    /** The calendar in {@code in}, read from {@code location} (named in every error), counted in {@code zone}. */
    public static CompanyCalendar read(InputStream in, String location, ZoneId zone) {
        return new CompanyCalendarFile(location).read(in, zone);
    }

    private CompanyCalendar read(InputStream in, ZoneId zone) {
        JsonNode root;
        try {
            root = yaml.readTree(in);
        } catch (JsonProcessingException e) {
            throw refused("is not readable YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw refused("cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw refused("holds no calendar (workingDays, workingHours, holidays)");
        }
        root.fieldNames().forEachRemaining(name -> {
            if ("zone".equals(name)) {
                throw refused("'zone' is not a section of the calendar: the zone is vigil.company.zone (VIGIL_COMPANY_ZONE)");
            }
            if (!SECTIONS.contains(name)) {
                throw refused("'" + name + "' is not a section of the calendar (workingDays, workingHours, holidays)");
            }
        });
        Set<DayOfWeek> workingDays = workingDays(root.path("workingDays"));
        LocalTime start = time(root.path("workingHours"), "start");
        LocalTime end = time(root.path("workingHours"), "end");
        if (!start.isBefore(end)) {
            throw refused("workingHours: start " + start + " is not before end " + end);
        }
        return new CompanyCalendar(zone, workingDays, start, end, holidays(root.path("holidays"), workingDays));
    }

    private Set<DayOfWeek> workingDays(JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            throw refused("workingDays must list the working days, e.g. [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode entry : list) {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(entry.asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw refused("workingDays: '" + entry.asText() + "' is not a day of the week");
            }
            if (!days.add(day)) {
                throw refused("workingDays: " + day + " is listed twice");
            }
        }
        return days;
    }

    private LocalTime time(JsonNode hours, String field) {
        String text = hours.path(field).asText("");
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw refused("workingHours: " + field + " '" + text + "' is not a time of day (HH:mm)");
        }
    }

    private Map<LocalDate, String> holidays(JsonNode byYear, Set<DayOfWeek> workingDays) {
        if (byYear.isMissingNode() || byYear.isNull()) {
            return Map.of();
        }
        if (!byYear.isObject()) {
            throw refused("holidays must map each year to its holidays (2026: {2026-01-01: New Year's Day, ...})");
        }
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        byYear.fields().forEachRemaining(year -> {
            if (!year.getKey().matches("\\d{4}") || !year.getValue().isObject()) {
                throw refused("holidays: '" + year.getKey() + "' must be a year holding date: name entries");
            }
            year.getValue().fields().forEachRemaining(holiday -> {
                String entry = "holidays " + year.getKey() + ": " + holiday.getKey();
                LocalDate date;
                try {
                    date = LocalDate.parse(holiday.getKey());
                } catch (DateTimeParseException e) {
                    throw refused(entry + " is not a date (yyyy-mm-dd)");
                }
                if (date.getYear() != Integer.parseInt(year.getKey())) {
                    throw refused(entry + " is not in " + year.getKey());
                }
                String name = holiday.getValue().asText("").strip();
                if (name.isEmpty()) {
                    throw refused(entry + " has no name");
                }
                // A holiday on a weekend is most likely the date of the feast instead of the day the company observes.
                if (!workingDays.contains(date.getDayOfWeek())) {
                    throw refused(entry + " (" + name + ") falls on a " + date.getDayOfWeek()
                            + ", not a working day anyway: list the day the company observes");
                }
                holidays.put(date, name);
            });
        });
        return holidays;
    }

    private IllegalStateException refused(String problem) {
        return new IllegalStateException("Company calendar " + location + " (vigil.company.calendar): " + problem);
    }
}
