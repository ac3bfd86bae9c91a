/**
 * Documents: the notices a breach obliges, rendered from Velocity templates to HTML and PDF (the individual letter
 * with every element of 45 CFR 164.404(c), substitute and alternative notice, media notice, HHS report summary,
 * state attorney-general notice, GDPR Art. 33(3) notification, business-associate notice); the list of affected
 * individuals, imported from CSV and stored encrypted; and the resumable mail-merge of one letter per person.
 *
 * <p>Every inserted value is escaped for HTML by the engine, never by the template; templates are classpath
 * resources only; a document whose required facts are missing is refused with their names.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package org.vigil.documents;
