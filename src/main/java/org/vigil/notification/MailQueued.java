package org.vigil.notification;

/** Published when an e-mail was recorded; its listener sends it after the transaction commits. */
record MailQueued(long mailId) {}
