/**
 * Breach: security incidents from report to closure, the HIPAA four-factor risk assessment, the notification
 * obligations a breach gives rise to, and the breach-response process that drives them with escalating timers.
 *
 * <p>Serves ISO 27001 A.5.24-A.5.28 (incident management) and HIPAA 45 CFR 164.400-414; records are kept six
 * years after closure (164.530(j)). Free text may hold patient data: it is stored encrypted and never becomes a
 * process variable.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Breach response")
package org.vigil.breach;
