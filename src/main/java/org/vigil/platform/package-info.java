/**
 * Platform: the engine, the database (embedded MariaDB by default), security and identity, deployment of
 * models and forms, seed loading and operational metrics. Every other capability builds on it; it knows
 * none of them.
 *
 * <p>Serves ISO 27001 A.5.15-A.5.18 (access control, identity, authentication) and A.8.15 (logging):
 * REST calls run with the caller's Camunda authorizations, and the two known holes of Camunda 7.24.0
 * (expressions in {@code orQueries}, the Admin setup endpoint) are closed here.
 *
 * <p>Also the tools every capability shares: encryption of patient data in fields and in large files (A.8.24), and
 * the one CSV reader ({@link org.vigil.platform.CsvInput}) and writer, which keeps spreadsheet formulas out of every export,
 * the one SHA-256 ({@link org.vigil.platform.Sha256}), the one Velocity engine ({@link org.vigil.platform.VelocityTemplates}),
 * the one seed reader ({@link org.vigil.platform.SeedReader}), lists of rows as JSON variables for the forms' dynamic
 * lists and tables ({@link org.vigil.platform.JsonListVariables}), and the company's clock and calendar
 * ({@link org.vigil.platform.CompanyCalendar}: working days, working hours, holidays).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.vigil.platform;
