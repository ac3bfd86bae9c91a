package org.vigil.correctiveaction;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** An action as others see it: ids, codes and dates, never its description. */
@NamedInterface("api")
public record ActionSummary(long id, ActionSource source, String severity, String ownerGroup, String owner, String status,
        Instant raisedAt, Instant dueAt, Instant closedAt, Long repeatOf, int reopenCount, boolean exercise) {}
