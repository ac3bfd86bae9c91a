package org.vigil.breach.events;

import java.time.Instant;

/**
 * An agreement of the register (seeds/breach/agreements.yaml: a BAA, a customer contract) was added
 * ({@code previousFingerprint} null) or changed, as a started application found it. Ids and fingerprints only.
 */
public record AgreementChanged(String agreementId, String fingerprint, String previousFingerprint, Instant seenAt) {}
