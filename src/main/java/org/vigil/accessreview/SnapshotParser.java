package org.vigil.accessreview;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.platform.CsvInput;

/**
 * Reads and validates an entitlement or roster import, CSV (header line first, read by {@link CsvInput}) or JSON (an
 * array of objects, or {@code {"rows": [...]}}). Every problem is collected with its line number; any problem rejects the whole file.
 */
final class SnapshotParser {

    record EntitlementRow(int line, String system, String account, String person, String manager, String entitlement,
            boolean privileged, LocalDate lastLogin) {}

    record RosterRow(int line, String person, String manager, String status, LocalDate terminatedOn) {}

    record Parsed(SnapshotKind kind, List<EntitlementRow> entitlements, List<RosterRow> roster) {}

    static final List<String> ENTITLEMENT_FIELDS =
            List.of("system", "account", "person", "manager", "entitlement", "privileged", "lastLogin");
    static final List<String> ROSTER_FIELDS = List.of("person", "manager", "status", "terminatedOn");
    private static final int MAX_ID = 64;
    private static final int MAX_NAME = 128;

    private SnapshotParser() {}

    /** {@code json} is the application's mapper; only its parser is used. */
    static Parsed parse(SnapshotKind kind, String contentType, byte[] content, LocalDate today, ObjectMapper json) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Map.Entry<Integer, Map<String, String>>> records;
        List<ImportProblem> problems = new ArrayList<>();
        boolean isJson = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
        List<String> fields = kind == SnapshotKind.ENTITLEMENTS ? ENTITLEMENT_FIELDS : ROSTER_FIELDS;
        records = isJson ? readJson(text, fields, problems, json) : readCsv(text, fields, problems);
        if (records.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(1, "rows", "the import holds no rows"));
        }
        var parsed = kind == SnapshotKind.ENTITLEMENTS
                ? new Parsed(kind, entitlements(records, today, problems), List.of())
                : new Parsed(kind, List.of(), roster(records, problems));
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return parsed;
    }

    private static List<EntitlementRow> entitlements(List<Map.Entry<Integer, Map<String, String>>> records,
            LocalDate today, List<ImportProblem> problems) {
        List<EntitlementRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var record : records) {
            int line = record.getKey();
            var values = record.getValue();
            String system = required(values, "system", MAX_ID, line, problems);
            String account = required(values, "account", MAX_NAME, line, problems);
            String person = optional(values, "person", MAX_ID, line, problems);
            String manager = optional(values, "manager", MAX_ID, line, problems);
            String entitlement = required(values, "entitlement", MAX_NAME, line, problems);
            Boolean privileged = bool(values.get("privileged"), line, problems);
            LocalDate lastLogin = date(values.get("lastLogin"), "lastLogin", line, problems);
            if (lastLogin != null && lastLogin.isAfter(today)) {
                problems.add(new ImportProblem(line, "lastLogin", "lies in the future"));
            }
            if (system != null && account != null && entitlement != null
                    && !seen.add(system + "\u0000" + account + "\u0000" + entitlement)) {
                problems.add(new ImportProblem(line, "entitlement",
                        "duplicate of an earlier line (same system, account and entitlement)"));
            }
            if (privileged != null) {
                rows.add(new EntitlementRow(line, system, account, person, manager, entitlement, privileged, lastLogin));
            }
        }
        return rows;
    }

    private static List<RosterRow> roster(List<Map.Entry<Integer, Map<String, String>>> records, List<ImportProblem> problems) {
        List<RosterRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var record : records) {
            int line = record.getKey();
            var values = record.getValue();
            String person = required(values, "person", MAX_ID, line, problems);
            String manager = optional(values, "manager", MAX_ID, line, problems);
            String status = required(values, "status", 20, line, problems);
            LocalDate terminatedOn = date(values.get("terminatedOn"), "terminatedOn", line, problems);
            if (status != null) {
                status = status.toUpperCase(Locale.ROOT);
                if (!status.equals("ACTIVE") && !status.equals("TERMINATED")) {
                    problems.add(new ImportProblem(line, "status", "must be ACTIVE or TERMINATED"));
                } else if (status.equals("TERMINATED") && terminatedOn == null
                        && (values.get("terminatedOn") == null || values.get("terminatedOn").isBlank())) {
                    problems.add(new ImportProblem(line, "terminatedOn", "is required when status is TERMINATED"));
                }
            }
            if (person != null && !seen.add(person)) {
                problems.add(new ImportProblem(line, "person", "duplicate of an earlier line"));
            }
            if (person != null && person.equals(manager)) {
                problems.add(new ImportProblem(line, "manager", "a person cannot be their own manager"));
            }
            rows.add(new RosterRow(line, person, manager, status, terminatedOn));
        }
        return rows;
    }

    private static String required(Map<String, String> values, String field, int max, int line, List<ImportProblem> problems) {
        String value = values.get(field);
        if (value == null || value.isBlank()) {
            problems.add(new ImportProblem(line, field, "is required"));
            return null;
        }
        return checked(value.strip(), field, max, line, problems);
    }

    private static String optional(Map<String, String> values, String field, int max, int line, List<ImportProblem> problems) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : checked(value.strip(), field, max, line, problems);
    }

    private static String checked(String value, String field, int max, int line, List<ImportProblem> problems) {
        if (value.length() > max) {
            problems.add(new ImportProblem(line, field, "is longer than " + max + " characters"));
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new ImportProblem(line, field, "holds control characters"));
            return null;
        }
        return value;
    }

    private static Boolean bool(String value, int line, List<ImportProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new ImportProblem(line, "privileged", "is required (true or false)"));
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                problems.add(new ImportProblem(line, "privileged", "must be true or false"));
                yield null;
            }
        };
    }

    private static LocalDate date(String value, String field, int line, List<ImportProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String text = value.strip();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(line, field, "must be an ISO date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static List<Map.Entry<Integer, Map<String, String>>> readCsv(String text, List<String> fields, List<ImportProblem> problems) {
        List<Map.Entry<Integer, Map<String, String>>> records = new ArrayList<>();
        try (var csv = CsvInput.of(new StringReader(text))) {
            List<String> columns = csv.header();
            if (columns.isEmpty()) {
                problems.add(new ImportProblem(1, "header", "the CSV has no header line (" + String.join(",", fields) + ")"));
                return records;
            }
            for (String column : columns) {
                if (!fields.contains(column)) {
                    problems.add(new ImportProblem(1, column, "unknown column; expected " + String.join(", ", fields)));
                }
            }
            for (var row : csv) {
                int number = Math.toIntExact(row.firstLine());
                List<String> cells = row.cells();
                if (cells.size() != columns.size()) {
                    problems.add(new ImportProblem(number, "columns",
                            "has " + cells.size() + " values, the header names " + columns.size()));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    values.put(columns.get(i), cells.get(i));
                }
                records.add(Map.entry(number, values));
            }
        } catch (CsvInput.UnreadableCsvException e) {
            // The rest of the file is not read: it is rejected anyway, and after an open quote its lines are one value.
            problems.add(new ImportProblem(Math.toIntExact(e.line()), "quotes", e.unclosedQuote()
                    ? "a quoted value is not closed" : "a quoted value is followed by more text before the comma"));
        }
        return records;
    }

    private static List<Map.Entry<Integer, Map<String, String>>> readJson(String text, List<String> fields, List<ImportProblem> problems,
            ObjectMapper json) {
        List<Map.Entry<Integer, Map<String, String>>> records = new ArrayList<>();
        try (JsonParser parser = json.getFactory().createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME && !"rows".equals(parser.currentName())) {
                    parser.nextToken();
                    parser.skipChildren();
                }
                token = parser.nextToken();
            }
            if (token != JsonToken.START_ARRAY) {
                problems.add(new ImportProblem(parser.currentLocation().getLineNr(), "rows",
                        "expected an array of rows or {\"rows\": [...]}"));
                return records;
            }
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                int line = parser.currentLocation().getLineNr();
                JsonNode node = json.readTree(parser);
                Map<String, String> values = new LinkedHashMap<>();
                node.fields().forEachRemaining(field -> {
                    if (!fields.contains(field.getKey())) {
                        problems.add(new ImportProblem(line, field.getKey(), "unknown field; expected " + String.join(", ", fields)));
                    } else if (!field.getValue().isNull()) {
                        values.put(field.getKey(), field.getValue().asText());
                    }
                });
                records.add(Map.entry(line, values));
            }
            if (token != JsonToken.END_ARRAY) {
                problems.add(new ImportProblem(parser.currentLocation().getLineNr(), "rows", "every row must be a JSON object"));
            }
        } catch (IOException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? p.getLocation().getLineNr() : 1;
            problems.add(new ImportProblem(line, "json", "not valid JSON: " + e.getMessage().lines().findFirst().orElse("")));
        }
        return records;
    }
}
