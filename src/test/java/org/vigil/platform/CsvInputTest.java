package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvInputTest {

    static List<CsvInput.Row> rows(String text) {
        var rows = new ArrayList<CsvInput.Row>();
        try (var csv = CsvInput.of(new StringReader(text))) {
            csv.forEach(rows::add);
        }
        return rows;
    }

    @Test
    void everyRowKnowsItsLinesAcrossBlankLinesAndQuotedLineBreaks() {
        var rows = rows("\uFEFFname, address\nann,\"1 Elm St\nAustin\"\n\n   \nbob , \"Smith, \"\"Jr\"\"\"\ncarol,x");

        assertThat(rows).extracting(CsvInput.Row::firstLine, CsvInput.Row::lastLine, CsvInput.Row::cells).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 3L, List.of("ann", "1 Elm St\nAustin")),
                org.assertj.core.groups.Tuple.tuple(6L, 6L, List.of("bob", "Smith, \"Jr\"")),
                org.assertj.core.groups.Tuple.tuple(7L, 7L, List.of("carol", "x")));
    }

    @Test
    void theHeaderIsTheFirstLineTrimmedWithoutAByteOrderMark() {
        try (var csv = CsvInput.of(new StringReader("\uFEFF system , account\n"))) {
            assertThat(csv.header()).containsExactly("system", "account");
            assertThat(csv.iterator().hasNext()).isFalse();
        }
        try (var csv = CsvInput.of(new StringReader("\nsystem,account\n"))) {
            assertThat(csv.header()).isEmpty();
        }
        try (var csv = CsvInput.of(new StringReader(""))) {
            assertThat(csv.header()).isEmpty();
        }
    }

    @Test
    void aQuoteLeftOpenNamesTheLineItStartsOn() {
        var e = catchThrowableOfType(CsvInput.UnreadableCsvException.class, () -> rows("a,b\n1,2\n\"3,4\n5,6\n"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.unclosedQuote()).isTrue();
        assertThat(e.getMessage()).isEqualTo("line 3: a quoted value is not closed");
    }

    @Test
    void textAfterAClosingQuoteIsNotCsv() {
        var e = catchThrowableOfType(CsvInput.UnreadableCsvException.class, () -> rows("a,b\n1,2\n\"3\"x,4\n"));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.unclosedQuote()).isFalse();
    }
}
