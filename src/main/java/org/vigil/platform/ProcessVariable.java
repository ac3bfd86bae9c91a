package org.vigil.platform;

import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable with its name and its type, declared once in the accessor class of its process (breach's
 * {@code BreachResponseVariables}, for one): the holunda camunda-bpm-data pattern, written by hand. Reading gives
 * {@code null} when the variable is not set. In platform because it touches Camunda's {@link VariableScope}, which
 * the capabilities keep to their delegates, listeners and process classes.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Function<Object, T> reader;

    private ProcessVariable(String name, Function<Object, T> reader) {
        this.name = name;
        this.reader = reader;
    }

    /** An id or count the engine may hand back as any {@link Number} (a REST client's 7 arrives as an Integer). */
    public static ProcessVariable<Long> longVariable(String name) {
        return new ProcessVariable<>(name, value -> value == null ? null : ((Number) value).longValue());
    }

    public static ProcessVariable<Integer> intVariable(String name) {
        return new ProcessVariable<>(name, value -> value == null ? null : ((Number) value).intValue());
    }

    public static ProcessVariable<Boolean> booleanVariable(String name) {
        return new ProcessVariable<>(name, Boolean.class::cast);
    }

    public static ProcessVariable<String> stringVariable(String name) {
        return new ProcessVariable<>(name, String.class::cast);
    }

    /** A date a timer or a task's due date reads as {@code ${name}}: the engine keeps {@link java.util.Date}s. */
    public static ProcessVariable<java.util.Date> dateVariable(String name) {
        return new ProcessVariable<>(name, java.util.Date.class::cast);
    }

    @SuppressWarnings("unchecked")
    public static ProcessVariable<Map<String, Object>> mapVariable(String name) {
        return new ProcessVariable<>(name, value -> (Map<String, Object>) value);
    }

    public String name() {
        return name;
    }

    public T from(VariableScope scope) {
        return reader.apply(scope.getVariable(name));
    }

    public boolean isSetOn(VariableScope scope) {
        return scope.hasVariable(name);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    /** Into the variables a process starts or a message correlates with. */
    public void put(Map<String, Object> variables, T value) {
        variables.put(name, value);
    }

    /** From the variables a query or a map holds, as {@link #from} reads them. */
    public T from(Map<String, ?> variables) {
        return reader.apply(variables.get(name));
    }

    @Override
    public String toString() {
        return name;
    }
}
