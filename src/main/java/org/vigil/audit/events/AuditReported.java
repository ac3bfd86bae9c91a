package org.vigil.audit.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An audit's final report was issued: the fieldwork and reporting are done, whatever its findings' actions still
 * need. The SLA dashboard counts an audit on schedule when this comes by the end of its planned last day.
 */
public record AuditReported(long auditId, String kind, LocalDate plannedEnd, Instant reportedAt) {}
