package org.vigil.correctiveaction;

import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** Raise and read corrective actions: what the other capabilities may do with them. */
@NamedInterface("api")
public interface CorrectiveActions {

    /**
     * Records the action (its description encrypted) and starts processes/corrective-action.bpmn. Raising the same
     * source (type and reference) again returns the first action's id and starts nothing.
     */
    long raise(RaiseAction request);

    Optional<ActionSummary> summary(long actionId);

    /** The actions whose source has this type and a reference starting with {@code referencePrefix}, oldest first. */
    List<ActionSummary> bySource(String sourceType, String referencePrefix);
}
