package org.vigil.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Lists of rows as JSON variables, which a Camunda Form's {@code dynamiclist} and {@code table} read and Tasklist
 * submits back (an {@code Object} variable with {@code serializationDataFormat: application/json}; Tasklist parses
 * such a variable into the form's data and sends the edited list back with the same type). Camunda Spin would give
 * this too, for far more than Vigil needs; this is the one format, written with Jackson.
 *
 * <p>Reading never creates the class a caller names ({@code objectTypeName}): a value is always plain JSON (lists,
 * maps, strings, numbers, booleans), so a submitted value cannot smuggle a Java type in.
 */
@Component
public class JsonListVariables extends AbstractProcessEnginePlugin {

    public static final String FORMAT = "application/json";
    private static final ObjectMapper READER = new ObjectMapper();

    private final ObjectMapper json = new ObjectMapper();

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // After the engine's own: an untyped Java list still goes where it went; only a value that names this format comes here.
        List<TypedValueSerializer> serializers = new ArrayList<>();
        if (configuration.getCustomPostVariableSerializers() != null) {
            serializers.addAll(configuration.getCustomPostVariableSerializers());
        }
        serializers.add(new Serializer(json));
        configuration.setCustomPostVariableSerializers(serializers);
    }

    /** Sets {@code rows} as a JSON list on {@code scope}, local to it (so they end with the scope). */
    public static void setLocal(VariableScope scope, String name, List<? extends Map<String, ?>> rows) {
        scope.setVariableLocal(name, jsonValue(rows));
    }

    /** A JSON list value, for a map of variables or a test. */
    public static ObjectValue jsonValue(List<? extends Map<String, ?>> rows) {
        return Variables.objectValue(new ArrayList<>(rows)).serializationDataFormat(FORMAT).create();
    }

    /**
     * The rows of a JSON list variable, as maps; empty when the variable is not set. Reads the serialized text, so a
     * value Tasklist submitted and one Vigil set read alike.
     */
    public static List<Map<String, Object>> rows(VariableScope scope, String name) {
        return rowsOf(scope.getVariableTyped(name, false), name);
    }

    /** The rows of a JSON list value (as a task query gives it, not deserialized), as maps. */
    public static List<Map<String, Object>> rowsOf(TypedValue typed, String name) {
        if (typed == null) {
            return List.of();
        }
        Object value;
        if (typed instanceof ObjectValue object) {
            // Never getValue() on a serialized object: it is read as JSON text here, not by the named class.
            value = object.isDeserialized() ? object.getValue() : parse(object.getValueSerialized(), name);
        } else {
            value = typed.getValue() instanceof String text ? parse(text, name) : typed.getValue();
        }
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(row -> row instanceof Map)) {
            throw new IllegalArgumentException(name + ": must be a list of rows");
        }
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) value;
        return rows;
    }

    private static Object parse(String text, String name) {
        if (text == null) {
            return null;
        }
        try {
            return READER.readValue(text, Object.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(name + ": is not valid JSON");
        }
    }

    private static final class Serializer extends AbstractObjectValueSerializer {

        private final ObjectMapper json;

        Serializer(ObjectMapper json) {
            super(FORMAT);
            this.json = json;
        }

        @Override
        public String getName() {
            return "vigil-json";
        }

        @Override
        protected String getTypeNameForDeserialized(Object deserializedObject) {
            return deserializedObject instanceof Map ? Map.class.getName() : List.class.getName();
        }

        @Override
        protected byte[] serializeToByteArray(Object deserializedObject) throws Exception {
            return json.writeValueAsBytes(deserializedObject);
        }

        @Override
        protected Object deserializeFromByteArray(byte[] object, String objectTypeName) throws Exception {
            // Plain JSON whatever objectTypeName says: no class is ever created by name.
            return json.readValue(object, Object.class);
        }

        @Override
        protected boolean isSerializationTextBased() {
            return true;
        }

        @Override
        protected boolean canSerializeValue(Object value) {
            return value instanceof List || value instanceof Map;
        }
    }
}
