package org.vigil.audit.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * An audit closed, its record read-only from now on: when its fieldwork was planned to end, when it closed, and its
 * findings by kind ({@code major}, {@code minor}, {@code observation}, {@code improvement}).
 */
public record AuditClosed(long auditId, String kind, LocalDate plannedEnd, Instant closedAt, Map<String, Integer> findingsBySeverity) {}
