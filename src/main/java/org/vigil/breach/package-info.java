/**
 * Breach: security incidents from report to closure, the HIPAA four-factor risk assessment, the notification
 * obligations a breach gives rise to, and the breach-response process that drives them with escalating timers.
 *
 * <p>Serves ISO 27001 A.5.24-A.5.28 (incident management) and HIPAA 45 CFR 164.400-414; records are kept six
 * years after closure (164.530(j)). Free text may hold patient data: it is stored encrypted and never becomes a
 * process variable.
 *
 * <p>Facts are checked here, on every way in (its API, the Tasklist forms, the Java API), not only by the platform's
 * form guard: a date of something that happened is not in the future, a count is whole. A closed incident takes no
 * change until the privacy lead or the CISO reopens it, which its record of events keeps with who, when and why; a
 * recorded dispatch is never rewritten, only corrected beside the original (164.414(b): the burden of proof is ours).
 *
 * <p>Contributes the {@code incidents} input of management reviews ({@code IncidentReviewInput}, through
 * {@code managementreview::spi}): incidents with patient data, response times against policy, notices late or missed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Breach response", allowedDependencies = {"correctiveaction::api", "documents::api", "notification::api", "platform", "regulation::api",
        "managementreview::spi"})
package org.vigil.breach;
