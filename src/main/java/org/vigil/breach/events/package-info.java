/**
 * What the breach capability tells the others, as past-tense events with ids and dates only (no patient data): an
 * obligation scheduled, withdrawn or its notice dispatched, containment ended, every individual notified. Published
 * through Spring Modulith's event publication registry; the only part of {@code breach} that {@code sla} may use.
 * A breach-response exercise announces none of the figure events (it counts in no real figure), only
 * {@link org.vigil.breach.events.ExerciseReported} when it ends.
 */
@org.springframework.modulith.NamedInterface("events")
package org.vigil.breach.events;
