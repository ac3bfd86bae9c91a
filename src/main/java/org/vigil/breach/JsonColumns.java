package org.vigil.breach;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small JSON columns: lists of codes and counts per jurisdiction. */
final class JsonColumns {

    // Hibernate, not Spring, creates the converters: a plain mapper of their own, for plain lists and maps of codes.
    private static final ObjectMapper json = new ObjectMapper();

    private JsonColumns() {}

    static String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("Corrupt JSON column", e);
        }
    }

    @Converter
    static class StringList implements AttributeConverter<List<String>, String> {
        @Override public String convertToDatabaseColumn(List<String> value) { return write(value == null ? List.of() : value); }
        @Override public List<String> convertToEntityAttribute(String text) { return text == null ? List.of() : read(text, new TypeReference<>() {}); }
    }

    @Converter
    static class CountsByJurisdiction implements AttributeConverter<Map<String, Integer>, String> {
        @Override public String convertToDatabaseColumn(Map<String, Integer> value) { return write(value == null ? Map.of() : new TreeMap<>(value)); }
        @Override public Map<String, Integer> convertToEntityAttribute(String text) { return text == null ? Map.of() : read(text, new TypeReference<TreeMap<String, Integer>>() {}); }
    }
}
