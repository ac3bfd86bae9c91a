package org.vigil.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The one way Vigil reads a seed file ({@code seeds/}, YAML) into its records, through Jackson: java.time values
 * understood, and a key the record does not know refused, since a misspelt key would otherwise drop a setting
 * silently. A file that cannot be read stops the start with an error naming the file and the key (or, for broken
 * YAML, the line).
 */
public final class SeedReader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            // Named, not found on the classpath: a module some library brings along must not change how seeds read.
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SeedReader() {}

    /** {@code path} on the classpath, e.g. {@code seeds/accessreview/systems.yaml}. */
    public static <T> T read(String path, Class<T> type) {
        return read(new ClassPathResource(path), path, type);
    }

    /** A configured location ({@code classpath:...} or a file), named in errors as Spring describes it. */
    public static <T> T read(Resource resource, Class<T> type) {
        return read(resource, resource.getDescription(), type);
    }

    /** Content already in hand (the caller also keeps its checksum); {@code name} says which file it is. */
    public static <T> T read(byte[] content, String name, Class<T> type) {
        try {
            return YAML.readValue(content, type);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static <T> T read(Resource resource, String name, Class<T> type) {
        try (var in = resource.getInputStream()) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static UncheckedIOException unreadable(String name, IOException e) {
        String why = e.getMessage();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // The parser has moved on by now, so its line would mislead: the key names the place.
            why = mapping.getOriginalMessage() + " (at key " + key(mapping) + ")";
        } else if (e instanceof JsonProcessingException parse && parse.getLocation() != null) {
            why = parse.getOriginalMessage() + " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")";
        }
        return new UncheckedIOException("Seed file " + name + " cannot be read: " + why, e);
    }

    /** {@code agreements[2].ourRoles}, as the file spells it. */
    private static String key(JsonMappingException mapping) {
        var key = new StringBuilder();
        for (var reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                key.append('[').append(reference.getIndex()).append(']');
            }
        }
        return key.toString();
    }
}
