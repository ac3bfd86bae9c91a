package org.vigil.regulation.events;

import java.time.Instant;

/** A started application found a version of the breach-notification rule catalog it had not seen before. */
public record CatalogVersionChanged(String version, String previousVersion, Instant seenAt) {}
