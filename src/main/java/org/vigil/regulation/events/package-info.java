/**
 * What the regulation capability tells the others, as past-tense events with versions and dates only: a new version
 * of the rule catalog in use (risk assessment starts a review of the assets holding PHI on it).
 */
@org.springframework.modulith.NamedInterface("events")
package org.vigil.regulation.events;
