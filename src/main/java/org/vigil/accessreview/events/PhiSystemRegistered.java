package org.vigil.accessreview.events;

import java.time.Instant;

/**
 * A system of the PHI register as it stands after being added or changed ({@code previousClassification} null when it
 * is new), or as found when the seeds were loaded at start ({@code seeded}: the register's own state, announced so that
 * others can mirror it, not a change). A system's name, its owner's user id and its classification: no patient data.
 */
public record PhiSystemRegistered(String systemId, String name, String ownerId, String classification,
        String previousClassification, boolean seeded, Instant at) {}
