package org.vigil.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that is well formed but not possible in the state its record is in (a closed incident, say): 409 with an
 * {@code application/problem+json} body on Vigil's API ({@link ApiProblems}) and on the engine's REST API, where a task
 * listener throws it ({@link EngineRestRefusals}). The detail says what would make it possible; the properties join the
 * problem body. Neither may hold patient data: they are shown to the caller and may be logged.
 */
public class StateConflict extends RuntimeException {

    private final String title;
    private final Map<String, Object> properties;

    public StateConflict(String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** The problem body's members, for writers that are not Spring MVC's. */
    Map<String, Object> problemBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", 409);
        body.put("detail", getMessage());
        body.putAll(properties);
        return body;
    }
}
