package org.vigil.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * One deadline to watch. {@code sourceType} and {@code sourceId} identify it (tracking again updates it);
 * {@code what} is a label without patient data. {@code warnAt} defaults to when a quarter of the time is left.
 */
public record DeadlineSpec(String sourceType, String sourceId, String processKey, String step, String processInstanceId,
        String taskId, String what, String ownerGroup, Instant createdAt, Instant dueAt, Instant warnAt, Instant escalateAt) {

    public DeadlineSpec {
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (warnAt == null) {
            var total = java.time.Duration.between(createdAt, dueAt);
            warnAt = total.isNegative() ? dueAt : dueAt.minus(total.dividedBy(4));
        }
    }

    public static final String USER_TASK = "user_task";
    public static final String OBLIGATION = "obligation";
    public static final String CORRECTIVE_ACTION = "corrective_action";
}
