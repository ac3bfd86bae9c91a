package org.vigil.platform;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way Vigil writes CSV (RFC 4180 through commons-csv), for every capability: print-house manifests, SLA
 * exports. People open these files in spreadsheets, and a spreadsheet runs a cell that starts like a formula
 * ({@code =HYPERLINK(...)}, {@code +cmd|...}, {@code @SUM(...)}), so names and titles typed by anyone must not reach
 * it as one (CWE-1236). Each text cell whose first non-blank character is {@code = + - @}, or whose leading blanks
 * hold a tab, carriage return or line feed, is written with a single quote in front, as OWASP recommends; the rest
 * of the cell stays as it was, so a reader sees what was typed.
 *
 * <p>Numbers passed as numbers ({@link Integer}, {@link Long}, {@link BigDecimal}, finite {@link Double}, ...) are
 * written as they are, so a numeric column stays numeric and {@code -5} stays a number. Text is always checked,
 * even text that looks like a negative number, because {@code -2+3} is a formula to a spreadsheet.
 */
public final class SafeCsvWriter implements Flushable, Closeable {

    private final CSVPrinter printer;

    /** Writes to {@code out} (a {@link StringBuilder}, a {@link java.io.Writer}); closing this closes {@code out}. */
    public SafeCsvWriter(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line; {@code null} is an empty cell. */
    public void printRecord(Object... cells) {
        printRecord(java.util.Arrays.asList(cells));
    }

    /** One line; {@code null} is an empty cell. */
    public void printRecord(Iterable<?> cells) {
        try {
            for (Object cell : cells) {
                printer.print(safe(cell));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} as a spreadsheet may show it without running it. */
    public static String defuse(String text) {
        return startsLikeAFormula(text) ? "'" + text : text;
    }

    /**
     * Spreadsheets skip leading blanks before they look for a formula, and a tab or line break in front is how the
     * usual escape is slipped past a check of the first character alone.
     */
    private static boolean startsLikeAFormula(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                // Full-width signs too: some spreadsheet locales read them as the ASCII ones.
                case '=', '+', '-', '@', '\t', '\r', '\n', '\uff1d', '\uff0b', '\uff0d', '\uff20':
                    return true;
                default:
                    if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                        return false;
                    }
            }
        }
        return false;
    }

    private static Object safe(Object cell) {
        if (cell == null || isNumber(cell)) {
            return cell;
        }
        return defuse(cell.toString());
    }

    /** JDK numbers only: their text is digits, a sign, a point and an exponent, never a formula. */
    private static boolean isNumber(Object cell) {
        if (cell instanceof Double d) {
            return Double.isFinite(d);
        }
        if (cell instanceof Float f) {
            return Float.isFinite(f);
        }
        return cell instanceof Integer || cell instanceof Long || cell instanceof Short || cell instanceof Byte
                || cell instanceof BigInteger || cell instanceof BigDecimal;
    }

    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
