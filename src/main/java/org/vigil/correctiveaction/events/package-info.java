/**
 * What the corrective-action capability tells the others, as past-tense events with ids, codes and dates only: an
 * action raised, closed as effective, or reopened by a failed effectiveness check. Audits close on them, the SLA
 * dashboard counts them, management reviews read their trends.
 */
@org.springframework.modulith.NamedInterface("events")
package org.vigil.correctiveaction.events;
