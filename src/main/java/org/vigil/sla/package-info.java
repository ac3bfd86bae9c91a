/**
 * SLA: the deadline registry of every process (user tasks, regulatory obligations, access-review items,
 * corrective actions), the SLA policies that set task due dates in working time of the company calendar, the
 * dashboard and API managers watch, Prometheus metrics and the daily digest.
 *
 * <p>Serves ISO 27001 clause 9.1 (monitoring and measurement) and 9.3 (input to management review).
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA", allowedDependencies = {"breach::events", "notification::api", "platform"})
package org.vigil.sla;
