package org.vigil.accessreview.events;

import java.time.Instant;

/** A revoked access was confirmed gone from {@code systemId}: by a person, or by a later snapshot that no longer holds it. */
public record RevocationVerified(long revocationId, long campaignId, String systemId, Method method, Instant verifiedAt) {

    public enum Method { HAND, SNAPSHOT }
}
