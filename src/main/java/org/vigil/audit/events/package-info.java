/**
 * What the internal-audit capability tells the others, as past-tense events with ids, kinds, group ids, dates and
 * counts only (never a finding's text): an audit was planned, a finding was recorded, an audit closed. Published
 * through Spring Modulith's event publication registry; the SLA dashboard reads them for audits on schedule and
 * findings open by severity (ISO 27001 9.2, 10.2).
 */
@org.springframework.modulith.NamedInterface("events")
package org.vigil.audit.events;
