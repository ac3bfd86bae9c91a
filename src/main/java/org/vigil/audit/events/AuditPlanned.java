package org.vigil.audit.events;

import java.time.LocalDate;

/** An audit's plan was completed (scope, criteria, lead auditor and team, dates) and passed the independence check. */
public record AuditPlanned(long auditId, String kind, LocalDate plannedStart, LocalDate plannedEnd) {}
