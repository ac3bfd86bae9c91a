package org.vigil.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a Camunda Form (form-js JSON) lets a person submit: each keyed field that is not disabled (form-js
 * submits readonly fields, never disabled ones), with its label, type, options and length limit, so that a
 * submission can be held to what the form offers.
 */
public final class FormFields {

    /** A field's rules. {@code options} is empty when the form takes any value (no static list). */
    public record Field(String key, String label, String type, Set<String> options, Integer maxLength, boolean disabled,
            Map<String, Field> rowFields) {

        Field(String key, String label, String type, Set<String> options, Integer maxLength, boolean disabled) {
            this(key, label, type, options, maxLength, disabled, Map.of());
        }

        /** Why this value is refused, or empty when the field takes it. Never echoes the value. */
        Optional<String> refusal(Object value) {
            if (value == null) {
                return Optional.empty();
            }
            String name = "'" + label + "' (" + key + ")";
            return switch (type) {
                case "checkbox" -> value instanceof Boolean ? Optional.empty() : Optional.of(name + " must be true or false");
                case "number" -> value instanceof Number ? Optional.empty() : Optional.of(name + " must be a number");
                case "datetime" -> value instanceof String || value instanceof Date
                        ? Optional.empty() : Optional.of(name + " must be a date and time");
                case "checklist", "taglist" -> value instanceof List<?> list && list.stream().allMatch(this::offered)
                        ? Optional.empty() : Optional.of(name + " must be a list of " + choices());
                case "dynamiclist" -> rowsRefusal(value, name);
                case "group" -> value instanceof Map<?, ?>
                        ? Optional.empty() : Optional.of(name + " must be a group of fields");
                case "expression" -> value instanceof Map<?, ?> || value instanceof List<?>
                        ? Optional.of(name + " must be a single value") : Optional.empty();
                case "select", "radio" -> value instanceof String && offered(value)
                        ? Optional.empty() : Optional.of(name + " must be one of " + choices());
                default -> {
                    if (!(value instanceof String text)) {
                        yield Optional.of(name + " must be text");
                    }
                    yield maxLength != null && text.length() > maxLength
                            ? Optional.of(name + " must be at most " + maxLength + " characters") : Optional.empty();
                }
            };
        }

        /**
         * A dynamic list submits a list of rows, each holding only the row's fields a person may change (display-only
         * ones are not submitted), each of its type and among its options.
         */
        private Optional<String> rowsRefusal(Object value, String name) {
            if (!(value instanceof List<?> rows)) {
                return Optional.of(name + " must be a list");
            }
            int number = 0;
            for (Object row : rows) {
                number++;
                if (!(row instanceof Map<?, ?> fieldsOfRow)) {
                    return Optional.of(name + ", row " + number + ": must be a row of fields");
                }
                for (var entry : fieldsOfRow.entrySet()) {
                    Field field = rowFields.get(String.valueOf(entry.getKey()));
                    if (field == null || field.disabled()) {
                        return Optional.of(name + ", row " + number + ": " + entry.getKey() + " is not a field a person fills in");
                    }
                    var refusal = field.refusal(entry.getValue());
                    if (refusal.isPresent()) {
                        return Optional.of(name + ", row " + number + ": " + refusal.get());
                    }
                }
            }
            return Optional.empty();
        }

        private boolean offered(Object value) {
            return options.isEmpty() || options.contains(String.valueOf(value));
        }

        private String choices() {
            return options.isEmpty() ? "values" : String.join(", ", options);
        }
    }

    private final String formId;
    private final Map<String, Field> fields;

    private FormFields(String formId, Map<String, Field> fields) {
        this.formId = formId;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** {@code json}: the application's mapper; only its tree reading is used. */
    public static FormFields parse(byte[] formJson, ObjectMapper json) {
        try {
            JsonNode form = json.readTree(formJson);
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(form.path("components"), fields);
            return new FormFields(form.path("id").asText(), fields);
        } catch (IOException e) {
            throw new UncheckedIOException("A deployed form is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** No form: nothing may be submitted. */
    static FormFields none() {
        return new FormFields("(none)", Map.of());
    }

    private static void collect(JsonNode components, Map<String, Field> into) {
        for (JsonNode component : components) {
            String path = component.path("path").asText("");
            if (!path.isEmpty()) {
                // A dynamic list or a group with a path submits one variable (a list or an object) under it.
                String key = path.split("\\.", 2)[0];
                Map<String, Field> rowFields = new LinkedHashMap<>();
                if (component.has("components")) {
                    collect(component.get("components"), rowFields);
                }
                into.putIfAbsent(key, new Field(key, component.path("label").asText(key), component.path("type").asText(),
                        Set.of(), null, component.path("disabled").asBoolean(false), Collections.unmodifiableMap(rowFields)));
                continue;
            }
            if (component.hasNonNull("key")) {
                // A dotted key ("a.b") submits one object variable named by its first segment.
                String key = component.get("key").asText().split("\\.", 2)[0];
                Set<String> options = new LinkedHashSet<>();
                component.path("values").forEach(option -> options.add(option.path("value").asText()));
                JsonNode maxLength = component.path("validate").path("maxLength");
                into.putIfAbsent(key, new Field(key, component.path("label").asText(key), component.path("type").asText(),
                        options, maxLength.isNumber() ? maxLength.asInt() : null, component.path("disabled").asBoolean(false)));
            }
            if (component.has("components")) {
                collect(component.get("components"), into);
            }
        }
    }

    public String formId() {
        return formId;
    }

    /** Every keyed field, the disabled (display-only) ones included. */
    public Map<String, Field> all() {
        return fields;
    }

    /** The field a person may submit under this name: keyed and not disabled. */
    public Optional<Field> submittable(String name) {
        return Optional.ofNullable(fields.get(name)).filter(field -> !field.disabled());
    }
}
