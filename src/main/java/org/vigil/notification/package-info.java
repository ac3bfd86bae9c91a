/**
 * Notification: e-mail to people (assignments, reminders, escalations, missed deadlines, digests) through an
 * outbox. A request is recorded in the transaction of the state change that causes it and sent after commit; a mail
 * the server did not take is tried again by a due-time poller with a growing wait until its attempts run out, and
 * then IT operations get a task (processes/mail-delivery-failed.bpmn). Never two mails for one event key, and one
 * {@code Message-ID} per mail across its attempts. Templates are Velocity, in the company's words
 * ({@link org.vigil.notification.MailWords}). In the demo, a mail catcher inside Vigil receives everything and shows
 * it to administrators at {@code /demo/mails}.
 * Others use the named interface {@code api}: {@link org.vigil.notification.Notifications} and its
 * {@link org.vigil.notification.MailRequest}.
 *
 * <p>Serves ISO 27001 A.5.24-A.5.26 (incident communication) and clause 7.4 (communication).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification", allowedDependencies = {"platform"})
package org.vigil.notification;
