package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Spreadsheet formula injection (CWE-1236): what a hostile cell becomes, read back as a spreadsheet would read the file. */
class SafeCsvWriterTest {

    static Stream<Arguments> attacks() {
        return Stream.of(
                Arguments.of("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
                Arguments.of("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
                Arguments.of("-2+3", "'-2+3"),
                Arguments.of("@SUM(1+1)", "'@SUM(1+1)"),
                Arguments.of(" =1+1", "' =1+1"),
                Arguments.of("\t=1", "'\t=1"),
                Arguments.of("\r=1", "'\r=1"),
                Arguments.of("\n=1", "'\n=1"),
                Arguments.of("  @x", "'  @x"),
                Arguments.of(" \t x", "' \t x"),
                Arguments.of("\tplain", "'\tplain"),
                Arguments.of("\u00a0\u3000=1", "'\u00a0\u3000=1"),
                // Full-width signs: some spreadsheet locales read them as the ASCII ones.
                Arguments.of("\uff1d1+1", "'\uff1d1+1"),
                Arguments.of("-5", "'-5"));
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void aCellThatASpreadsheetWouldRunGetsASingleQuoteInFront(String hostile, String written) throws IOException {
        assertThat(readBack(List.of("before", hostile, "after"))).containsExactly("before", written, "after");
    }

    @Test
    void ordinaryTextAndNumbersStayAsTheyWere() throws IOException {
        var values = Arrays.<Object>asList("Ana Diaz", "1 Elm St\nAustin, TX 78701", "O'Brien, Pat", "say \"hi\"", "a=b", "x-1", "",
                "   ", null, -5, -2.5, 42L, new BigDecimal("-1E+3"), "letters/letter-000001.pdf", "2026-03-01T00:00:00Z");
        assertThat(readBack(values)).containsExactly("Ana Diaz", "1 Elm St\nAustin, TX 78701", "O'Brien, Pat", "say \"hi\"", "a=b",
                "x-1", "", "   ", "", "-5", "-2.5", "42", "-1E+3", "letters/letter-000001.pdf", "2026-03-01T00:00:00Z");
    }

    @Test
    void onlyPlainJdkNumbersPassUnchecked() throws IOException {
        Number sneaky = new Number() {
            @Override public int intValue() { return 0; }
            @Override public long longValue() { return 0; }
            @Override public float floatValue() { return 0; }
            @Override public double doubleValue() { return 0; }
            @Override public String toString() { return "=1+1"; }
        };
        assertThat(readBack(Arrays.asList(sneaky, Double.NEGATIVE_INFINITY))).containsExactly("'=1+1", "'-Infinity");
    }

    /** Whatever the text, it comes back as it was or with one quote in front, and never starts like a formula. */
    @Property(tries = 2000)
    void noTextReachesASpreadsheetAsAFormula(@ForAll @StringLength(max = 12) @AlphaChars
            @Chars({'=', '+', '-', '@', '\uff1d', '\uff20', ' ', '\t', '\r', '\n', '\u00a0', '"', ',', '\''}) String text) throws IOException {
        String cell = readBack(List.of(text)).get(0);
        assertThat(cell).isIn(text, "'" + text);
        String blanksSkipped = cell.stripLeading();
        assertThat(cell.isEmpty() || cell.startsWith("'") || !(cell.startsWith("\t") || cell.startsWith("\r") || cell.startsWith("\n")))
                .as("cell %s", cell).isTrue();
        if (!cell.startsWith("'") && !blanksSkipped.isEmpty()) {
            assertThat("=+-@\uff1d\uff0b\uff0d\uff20").doesNotContain(blanksSkipped.substring(0, 1));
        }
    }

    private static List<String> readBack(List<?> cells) throws IOException {
        var out = new StringBuilder();
        try (var csv = new SafeCsvWriter(out)) {
            csv.printRecord(List.of("header"));
            csv.printRecord(cells);
        }
        var records = CSVFormat.DEFAULT.parse(new StringReader(out.toString())).getRecords();
        assertThat(records).hasSize(2);
        return new ArrayList<>(records.get(1).toList());
    }
}
