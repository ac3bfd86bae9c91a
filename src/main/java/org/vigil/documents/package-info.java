/**
 * Documents: the notices a breach obliges, rendered from Velocity templates to HTML and PDF (the individual letter
 * with every element of 45 CFR 164.404(c), substitute and alternative notice, media notice, HHS report summary,
 * state attorney-general notice, GDPR Art. 33(3) notification, business-associate notice); the list of affected
 * individuals, imported from CSV and stored encrypted; and the resumable mail-merge of one letter per person.
 *
 * <p>Other capabilities hand it typed facts: a notice's {@link org.vigil.documents.NoticeFacts} (with the privacy
 * office's {@link org.vigil.documents.NoticeWording} and a letter's {@link org.vigil.documents.LetterRecipient}), a list
 * of the affected by its {@link org.vigil.documents.AffectedListKey}, letter batches by their
 * {@link org.vigil.documents.LetterBatchOwner}; the templates read the facts by name. These, the facade
 * {@link org.vigil.documents.Documents} and its refusals form the named interface {@code api}, the only part other
 * capabilities may use.
 *
 * <p>Every inserted value is escaped for HTML by the engine, never by the template; templates are classpath
 * resources only; a document whose required facts are missing is refused with their names.
 *
 * <p>A print batch names everyone affected, so its files are sealed as they are written with the keys of the other
 * patient data and kept readable by Vigil's account alone (HIPAA 164.312(a)(2)(iv), ISO 27001 A.8.24); the archive is
 * decrypted only while it streams to the privacy office. A grace period after the dispatch its files are deleted
 * (ISO 27001 A.8.10) and only the row remains: counts and the checksums that prove what was sent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents", allowedDependencies = {"platform"})
package org.vigil.documents;
