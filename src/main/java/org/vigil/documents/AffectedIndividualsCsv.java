package org.vigil.documents;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.vigil.documents.InvalidAffectedIndividualsException.LineProblem;
import org.vigil.platform.CsvInput;

/**
 * Reads the CSV of affected individuals: a header {@code name, postal_address, email, jurisdiction, contact_valid}
 * and, optionally, {@code counterparty} (whose data the person is), one person per row. Every row is checked and
 * every problem reported by line; the caller receives the rows one by one and keeps them only if the whole file is good.
 */
final class AffectedIndividualsCsv {

    static final List<String> COLUMNS = List.of("name", "postal_address", "email", "jurisdiction", "contact_valid");
    static final String COUNTERPARTY = "counterparty";
    private static final Pattern JURISDICTION = Pattern.compile("US|US-[A-Z]{2}|EU-[A-Z]{2}|UK|CA|CA-[A-Z]{2}|AU");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Map<String, Boolean> FLAGS = Map.of("true", true, "yes", true, "y", true, "1", true,
            "false", false, "no", false, "n", false, "0", false);

    private AffectedIndividualsCsv() {}

    /** Reads every row, handing each good one to {@code sink}; throws with every problem once the file is read. */
    static int read(Reader csv, Consumer<AffectedIndividual> sink) {
        return read(csv, java.util.Set.of(), sink);
    }

    /** As {@link #read(Reader, Consumer)}; a {@code counterparty} value must be one of {@code counterparties}. */
    static int read(Reader csv, java.util.Set<String> counterparties, Consumer<AffectedIndividual> sink) {
        List<LineProblem> problems = new ArrayList<>();
        int rows = 0;
        try (var parsed = CsvInput.of(csv)) {
            var columns = parsed.header();
            var header = columns.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
            var missing = COLUMNS.stream().filter(column -> !header.contains(column)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidAffectedIndividualsException(List.of(new LineProblem(1, null,
                        "the header lacks " + String.join(", ", missing) + " (expected " + String.join(", ", COLUMNS) + ")")));
            }
            for (CsvInput.Row row : parsed) {
                rows++;
                var person = person(row, columns, counterparties, row.lastLine(), problems);
                if (person != null && problems.isEmpty()) {
                    sink.accept(person);
                }
            }
        } catch (CsvInput.UnreadableCsvException e) {
            problems.add(new LineProblem(e.line(), null, "not readable as CSV (" + e.getCause().getClass().getSimpleName() + ")"));
        } catch (UncheckedIOException e) {
            problems.add(new LineProblem(rows + 2, null, "not readable as CSV (" + e.getClass().getSimpleName() + ")"));
        }
        if (rows == 0 && problems.isEmpty()) {
            problems.add(new LineProblem(1, null, "the file holds no individuals"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAffectedIndividualsException(problems);
        }
        return rows;
    }

    private static AffectedIndividual person(CsvInput.Row record, List<String> columns, java.util.Set<String> counterparties, long line,
            List<LineProblem> problems) {
        if (record.cells().size() != columns.size()) {
            problems.add(new LineProblem(line, null, "has " + record.cells().size() + " fields, the header " + columns.size()));
            return null;
        }
        String name = value(record, columns, "name");
        String address = value(record, columns, "postal_address");
        String email = value(record, columns, "email");
        String jurisdiction = value(record, columns, "jurisdiction").toUpperCase(Locale.ROOT);
        // GB is the ISO code people type for the United Kingdom; the rule catalog calls it UK.
        if (jurisdiction.equals("GB")) {
            jurisdiction = "UK";
        }
        String flag = value(record, columns, "contact_valid").toLowerCase(Locale.ROOT);
        String counterparty = value(record, columns, COUNTERPARTY).toLowerCase(Locale.ROOT);
        int before = problems.size();
        if (name.isEmpty()) {
            problems.add(new LineProblem(line, "name", "is required"));
        } else if (name.length() > 300) {
            problems.add(new LineProblem(line, "name", "is longer than 300 characters"));
        }
        if (!JURISDICTION.matcher(jurisdiction).matches()) {
            problems.add(new LineProblem(line, "jurisdiction", "must be a code such as US-TX, EU-DE, UK (or GB), CA-ON or AU"));
        }
        // Each person is stored encrypted in one TEXT column (V008__documents.sql): every field is bounded.
        if (address.length() > 1000) {
            problems.add(new LineProblem(line, "postal_address", "is longer than 1000 characters"));
        }
        if (email.length() > 254) {
            problems.add(new LineProblem(line, "email", "is longer than 254 characters"));
        } else if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            problems.add(new LineProblem(line, "email", "is not an e-mail address"));
        }
        Boolean contactValid = FLAGS.get(flag);
        if (contactValid == null) {
            problems.add(new LineProblem(line, "contact_valid", "must be true or false"));
        } else if (contactValid && address.isEmpty() && email.isEmpty()) {
            problems.add(new LineProblem(line, "postal_address", "or an e-mail is required when the contact is valid"));
        }
        // Empty: the company's own data. Otherwise the register must know it, or its notice would list nobody.
        if (!counterparty.isEmpty() && !counterparties.contains(counterparty)) {
            problems.add(new LineProblem(line, COUNTERPARTY, "is not a counterparty of the agreements register"
                    + (counterparties.isEmpty() ? "" : " (" + String.join(", ", new java.util.TreeSet<>(counterparties)) + ")")));
        }
        return problems.size() == before
                ? new AffectedIndividual(name, address, email, jurisdiction, contactValid, counterparty.isEmpty() ? null : counterparty) : null;
    }

    private static String value(CsvInput.Row record, List<String> columns, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                String value = record.cells().get(i);
                return value == null ? "" : value.strip();
            }
        }
        return "";
    }
}
