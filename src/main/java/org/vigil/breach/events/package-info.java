/**
 * What the breach capability tells the others, as past-tense events with ids and dates only (no patient data): an
 * obligation scheduled, withdrawn or its notice dispatched, containment ended, every individual notified. Published
 * through Spring Modulith's event publication registry; the only part of {@code breach} that {@code sla} may use.
 */
@org.springframework.modulith.NamedInterface("events")
package org.vigil.breach.events;
