package org.vigil.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one way Vigil reads CSV (RFC 4180 through commons-csv), the reading side of {@link SafeCsvWriter}: imports of
 * entitlements and rosters, lists of affected individuals. The first line is the header; a value may be quoted and
 * then hold commas, quotes ({@code ""}) and line breaks. Values and header names are trimmed, a byte-order mark in
 * front (spreadsheets save one) is skipped, and blank lines are skipped but counted, so every row knows the lines it
 * came from and a problem can be reported where the person who made the file will look for it.
 *
 * <p>Reading stops at a value that is not CSV (a quote left open, text after a closing quote) with an
 * {@link UnreadableCsvException} naming the line where that row starts.
 */
public final class CsvInput implements Closeable, Iterable<CsvInput.Row> {

    /** One row: its cells, the line it starts on and the line it ends on (later when a quoted value spans lines). */
    public record Row(long firstLine, long lastLine, List<String> cells) {}

    /** The row starting at {@link #line()} is not CSV; the message says why without quoting the data. */
    public static final class UnreadableCsvException extends RuntimeException {
        private final long line;
        private final boolean unclosedQuote;

        UnreadableCsvException(long line, boolean unclosedQuote, Exception cause) {
            super("line " + line + ": " + (unclosedQuote ? "a quoted value is not closed" : "text follows a closing quote"), cause);
            this.line = line;
            this.unclosedQuote = unclosedQuote;
        }

        public long line() {
            return line;
        }

        /** A quote opened and never closed: the rest of the file was taken as one value. */
        public boolean unclosedQuote() {
            return unclosedQuote;
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            // Blank lines are skipped here rather than by commons-csv, which would not count them for the line numbers.
            .setIgnoreEmptyLines(false)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private Row next;

    private CsvInput(Reader in) {
        try {
            this.parser = FORMAT.parse(withoutByteOrderMark(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
        Row first = read();
        this.header = first == null || first.firstLine() != 1 ? List.of() : first.cells();
        this.next = first == null || first.firstLine() != 1 ? first : null;
    }

    /** Reads the header line of {@code in}; closing this closes {@code in}. */
    public static CsvInput of(Reader in) {
        return new CsvInput(in);
    }

    /** The names of the first line, trimmed; empty when the first line is blank or there is none. */
    public List<String> header() {
        return header;
    }

    /** The rows after the header, blank lines left out. One pass only. */
    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = read();
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = null;
                return row;
            }
        };
    }

    private Row read() {
        while (true) {
            long linesBefore = parser.getCurrentLineNumber();
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof CSVException)) {
                    throw e; // the reader failed, not the CSV
                }
                // commons-csv: "EOF reached before encapsulated token finished" for a quote left open.
                boolean unclosed = String.valueOf(e.getCause().getMessage()).contains("EOF");
                throw new UnreadableCsvException(linesBefore + 1, unclosed, e);
            }
            List<String> cells = record.toList();
            if (cells.size() <= 1 && (cells.isEmpty() || cells.get(0).isBlank())) {
                continue;
            }
            return new Row(linesBefore + 1, parser.getCurrentLineNumber(), cells);
        }
    }

    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        var pushback = new PushbackReader(in, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
