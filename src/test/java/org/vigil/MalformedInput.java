package org.vigil;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of what a careless or hostile client sends: wrong types, huge strings and lists, dates outside any
 * database's range, broken JSON, random bytes, odd content types and path ids.
 */
public final class MalformedInput {

    private MalformedInput() {}

    /** A JSON value of any type, often of the wrong one, sometimes huge. */
    public static Arbitrary<String> jsonValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ofMaxLength(40).map(MalformedInput::quoted)),
                Tuple.of(2, hugeString().map(MalformedInput::quoted)),
                Tuple.of(2, badDate().map(MalformedInput::quoted)),
                Tuple.of(2, Arbitraries.of("0", "-1", "1e400", "3.5", "99999999999999999999999", "-2147483649", "NaN")),
                Tuple.of(1, Arbitraries.of("true", "false", "null", "{}", "[]", "[null]", "{\"a\": {\"b\": []}}")),
                Tuple.of(1, hugeList()),
                Tuple.of(1, Arbitraries.of("\"2026-03-02T10:15:00-06:00\"", "\"2026-03-02\"", "\"US-TX\"", "{\"US-TX\": 3}")));
    }

    /** Text far over any column: 300 to 70,000 characters, some of them three bytes in UTF-8. */
    public static Arbitrary<String> hugeString() {
        return Combinators.combine(Arbitraries.of("x", "€", "\u0000", "\"", "\\", "\n", "a\u00e9"), Arbitraries.integers().between(300, 70_000))
                .as((unit, times) -> unit.repeat(times / unit.length()));
    }

    /** Instants that parse but lie outside MariaDB's DATETIME (1000 to 9999) or outside reason. */
    public static Arbitrary<String> badDate() {
        return Arbitraries.of("+10000-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "1899-12-31T23:59:59Z", "3000-01-01T00:00:00+14:00", "2026-02-30T10:00:00Z", "2026-03-02T25:00:00Z", "yesterday", "");
    }

    public static Arbitrary<String> hugeList() {
        return Combinators.combine(Arbitraries.of("\"US-TX\"", "\"name\"", "1", "{}", "null"), Arbitraries.integers().between(50, 20_000))
                .as((item, times) -> "[" + String.join(",", java.util.Collections.nCopies(times, item)) + "]");
    }

    /** A JSON object with some of {@code fields} set to malformed values, or a body that is no such object at all. */
    public static Arbitrary<String> jsonBody(List<String> fields) {
        var object = Arbitraries.subsetOf(fields).ofMinSize(1).flatMap(chosen -> jsonValue().list().ofSize(chosen.size())
                .map(values -> {
                    var names = List.copyOf(chosen);
                    return java.util.stream.IntStream.range(0, names.size())
                            .mapToObj(i -> quoted(names.get(i)) + ": " + values.get(i)).collect(Collectors.joining(", ", "{", "}"));
                }));
        return Arbitraries.frequencyOf(
                Tuple.of(6, object),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(200)),
                Tuple.of(1, jsonValue()),
                Tuple.of(1, object.map(body -> body.substring(0, body.length() / 2))),
                Tuple.of(1, Arbitraries.of("{\"a\":" .repeat(3000), "[".repeat(5000), "{\"title\": \"" + "y".repeat(1_100_000) + "\"}")));
    }

    /** Bytes a file upload might hold: random, or text with a byte order mark, or lines of random cells. */
    public static Arbitrary<byte[]> fileContent(List<String> header) {
        var csvish = Combinators.combine(Arbitraries.of(true, false), Arbitraries.strings().ofMaxLength(30).list().ofMaxSize(8).list().ofMaxSize(20))
                .as((bom, rows) -> ((bom ? "\uFEFF" : "") + String.join(",", header) + "\n" + rows.stream()
                        .map(cells -> String.join(",", cells)).collect(Collectors.joining("\n"))).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Arbitraries.oneOf(csvish, Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                hugeString().map(text -> (String.join(",", header) + "\n" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Mostly the right type; often one the endpoint does not take, or one that is itself malformed. */
    public static Arbitrary<String> contentType(String right) {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(right)),
                Tuple.of(1, Arbitraries.of("application/xml", "text/plain", "text/csv", "application/x-www-form-urlencoded",
                        "application/json;charset=no-such-charset", "multipart/form-data", "multipart/form-data; boundary=x",
                        "application/octet-stream", "*/*", "application/json; x=" + "y".repeat(2000), "nonsense")));
    }

    /** Path ids: real-looking, negative, not a number, beyond a long. */
    public static Arbitrary<String> pathId() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-5, 100_000).map(String::valueOf),
                Arbitraries.of("abc", "99999999999999999999", "1.5", "%20", "-", "0x10", "1e3", "%E2%82%AC"));
    }

    public static String quoted(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
