/**
 * What the access-review capability tells the others, as past-tense events with ids, user ids, dates and counts only
 * (no account holders' names, no entitlements): a reviewer decided their review, a campaign's review window closed,
 * a revocation was verified. Published through Spring Modulith's event publication registry; the only part of
 * {@code accessreview} another capability may use. The SLA dashboard's completion figure reads {@link
 * org.vigil.accessreview.events.ReviewsClosed}; management review (ISO 27001 9.3) will read them all.
 */
@org.springframework.modulith.NamedInterface("events")
package org.vigil.accessreview.events;
