/**
 * SLA: the deadline registry of every process (user tasks, regulatory obligations, corrective actions), the SLA
 * policies that set task due dates in working time of the company calendar, the dashboard and API managers watch,
 * Prometheus metrics and the daily digest. Response times, review completion, audits on schedule and the
 * corrective-action figures come from the events that breach, access review, internal audit and corrective action
 * publish (their {@code events} named interfaces), not from their tables; the risk figures from the risk capability's
 * {@code api} ({@code RiskFigures}).
 *
 * <p>Serves ISO 27001 clause 9.1 (monitoring and measurement) and 9.3 (input to management review).
 *
 * <p>Contributes the {@code corrective-actions} and {@code sla} inputs of management reviews ({@code
 * CorrectiveActionReviewInput}, {@code SlaReviewInput}, through {@code managementreview::spi}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA", allowedDependencies = {"accessreview::events", "audit::events", "breach::events",
        "correctiveaction::events", "managementreview::spi", "notification::api", "platform", "risk::api"})
package org.vigil.sla;
