package org.vigil.regulation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/** Rejects what the plan cannot be computed from, naming the field (PLAN-API.md: 400 with the field). */
final class PlanRequestValidator {

    /** Codes a notice may be sent under besides the catalog's jurisdictions: the EU as a whole. */
    private static final Set<String> REGIONAL_CODES = Set.of("EU");
    private static final String CODE_SHAPE = "[A-Z]{2}(-[A-Z]{2,4})?";

    /**
     * Dates the plan computes from: the same range as the breach capability's edge (platform's StorableDate), since
     * the breach-response process stores the deadlines this plan finds. MariaDB's DATETIME ends in 9999, and a
     * deadline lies up to years after its date.
     */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2999-12-31T23:59:59Z");
    /** Lists bounded well above any real incident, so that an oversized request is refused before it is computed. */
    static final int MAX_LIST = 100;
    static final int MAX_TEXT = 200;
    /** A law-enforcement hold of ten years is far beyond any statute; days beyond it only overflow the dates. */
    static final int MAX_HOLD_DAYS = 3650;

    private final RuleCatalog catalog;

    PlanRequestValidator(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    void validate(PlanRequest request) {
        if (request == null) {
            throw invalid("body", "the request body is missing");
        }
        required(request.discoveredAt(), "discoveredAt");
        inRange(request.discoveredAt(), "discoveredAt");
        inRange(request.firstKnownToWorkforceAt(), "firstKnownToWorkforceAt");
        inRange(request.stateDeterminationAt(), "stateDeterminationAt");
        zoneOf(request.entityTimezone());
        required(request.role(), "role");
        validateCounts(request.affectedCounts());
        if (request.contactInfoOutOfDateCount() != null && request.contactInfoOutOfDateCount() < 0) {
            throw invalid("contactInfoOutOfDateCount", "contactInfoOutOfDateCount must not be negative");
        }
        if (request.hipaaBreachException() != null && catalog.hipaaBreachException(request.hipaaBreachException()).isEmpty()) {
            throw invalid("hipaaBreachException", "hipaaBreachException is not one of " + catalog.hipaaBreachExceptionCodes());
        }
        if (request.dataElements() != null) {
            bounded(request.dataElements(), "dataElements");
            for (int i = 0; i < request.dataElements().size(); i++) {
                String element = request.dataElements().get(i);
                if (element == null || element.length() > MAX_TEXT) {
                    throw invalid("dataElements[" + i + "]", "dataElements[" + i + "] must be text of at most " + MAX_TEXT + " characters");
                }
            }
        }
        bounded(request.entityFlags(), "entityFlags");
        bounded(request.sentNotices(), "sentNotices");
        bounded(request.stateNoHarmDeterminations(), "stateNoHarmDeterminations");
        if (request.stateNoHarmDeterminations() != null) {
            for (int i = 0; i < request.stateNoHarmDeterminations().size(); i++) {
                String code = request.stateNoHarmDeterminations().get(i);
                if (code == null || !code.startsWith("US-") || !catalog.isKnownJurisdiction(code)) {
                    throw invalid("stateNoHarmDeterminations[" + i + "]", "stateNoHarmDeterminations[" + i
                            + "] must be a US state or territory code such as US-FL");
                }
            }
        }
        validateLawEnforcement(request.lawEnforcementDelay());
        validateBusinessAssociate(request.businessAssociate());
        validateGdpr(request.gdpr());
        if (request.entityFlags() != null && request.entityFlags().stream().anyMatch(java.util.Objects::isNull)) {
            throw invalid("entityFlags", "entityFlags must not contain null");
        }
        if (request.sentNotices() != null) {
            for (int i = 0; i < request.sentNotices().size(); i++) {
                var notice = request.sentNotices().get(i);
                String at = "sentNotices[" + i + "]";
                required(notice, at);
                if (notice.recipient() == null || notice.recipient().isBlank()) {
                    throw invalid(at + ".recipient", at + ".recipient is required");
                }
                if (notice.recipient().length() > MAX_TEXT) {
                    throw invalid(at + ".recipient", at + ".recipient is longer than " + MAX_TEXT + " characters");
                }
                String code = notice.jurisdiction();
                if (code == null || !(catalog.isKnownJurisdiction(code) || REGIONAL_CODES.contains(code))) {
                    throw invalid(at + ".jurisdiction", at + ".jurisdiction is not a known jurisdiction code");
                }
                required(notice.sentAt(), at + ".sentAt");
                inRange(notice.sentAt(), at + ".sentAt");
            }
        }
    }

    static ZoneId zoneOf(String entityTimezone) {
        required(entityTimezone, "entityTimezone");
        try {
            ZoneId zone = ZoneId.of(entityTimezone);
            if (zone instanceof ZoneOffset) {
                // A fixed offset would ignore daylight saving (C2); the contract asks for an IANA zone.
                throw invalid("entityTimezone", "entityTimezone must be an IANA zone such as America/Chicago, not a fixed offset");
            }
            return zone;
        } catch (DateTimeException e) {
            throw invalid("entityTimezone", "entityTimezone is not a known IANA time zone");
        }
    }

    private void validateCounts(Map<String, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            throw invalid("affectedCounts", "affectedCounts must name at least one jurisdiction");
        }
        counts.forEach((code, count) -> {
            if (code == null || !catalog.isKnownJurisdiction(code)) {
                // The code is named only when it has the shape of one: an unknown key may be any text at all.
                String field = code != null && code.matches(CODE_SHAPE) ? "affectedCounts." + code : "affectedCounts";
                throw invalid(field, field + ": a key is not a known jurisdiction code (US, US-XX, EU-XX, UK, CA-XX, AU)");
            }
            if (count == null || count < 0) {
                throw invalid("affectedCounts." + code, "affectedCounts." + code + " must be a non-negative integer");
            }
        });
    }

    private static void validateLawEnforcement(PlanRequest.LawEnforcementDelay delay) {
        if (delay == null) {
            return;
        }
        required(delay.form(), "lawEnforcementDelay.form");
        required(delay.statementAt(), "lawEnforcementDelay.statementAt");
        inRange(delay.statementAt(), "lawEnforcementDelay.statementAt");
        if (delay.requestedDurationDays() != null && (delay.requestedDurationDays() < 0 || delay.requestedDurationDays() > MAX_HOLD_DAYS)) {
            throw invalid("lawEnforcementDelay.requestedDurationDays",
                    "lawEnforcementDelay.requestedDurationDays must lie between 0 and " + MAX_HOLD_DAYS);
        }
        if (delay.form() == PlanRequest.LawEnforcementDelay.Form.ORAL_THEN_WRITTEN) {
            required(delay.writtenFollowup(), "lawEnforcementDelay.writtenFollowup");
        }
        if (delay.writtenFollowup() != null) {
            required(delay.writtenFollowup().receivedAt(), "lawEnforcementDelay.writtenFollowup.receivedAt");
            inRange(delay.writtenFollowup().receivedAt(), "lawEnforcementDelay.writtenFollowup.receivedAt");
            var until = delay.writtenFollowup().delayUntilDate();
            if (until != null) {
                inRange(until.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(), "lawEnforcementDelay.writtenFollowup.delayUntilDate");
            }
        }
    }

    private static void validateBusinessAssociate(PlanRequest.BusinessAssociateDiscovery ba) {
        if (ba == null) {
            return;
        }
        required(ba.discoveredAt(), "businessAssociate.discoveredAt");
        inRange(ba.discoveredAt(), "businessAssociate.discoveredAt");
        inRange(ba.notifiedCoveredEntityAt(), "businessAssociate.notifiedCoveredEntityAt");
        required(ba.agentOfCoveredEntity(), "businessAssociate.agentOfCoveredEntity");
        if (!ba.agentOfCoveredEntity()) {
            required(ba.notifiedCoveredEntityAt(), "businessAssociate.notifiedCoveredEntityAt");
        }
    }

    private void validateGdpr(PlanRequest.Gdpr gdpr) {
        if (gdpr == null) {
            return;
        }
        required(gdpr.regime(), "gdpr.regime");
        inRange(gdpr.awarenessAt(), "gdpr.awarenessAt");
        if (gdpr.regime() == PlanRequest.Gdpr.GdprRegime.UK_GDPR) {
            // UK GDPR is a regime of its own: its establishment is the UK (PLAN-API.md, readings settled).
            if (gdpr.mainEstablishment() != null && !gdpr.mainEstablishment().equals("UK")) {
                throw invalid("gdpr.mainEstablishment", "gdpr.mainEstablishment must be UK or null under UK GDPR");
            }
        } else {
            memberState(gdpr.mainEstablishment(), "gdpr.mainEstablishment");
        }
        memberState(gdpr.euRepresentative(), "gdpr.euRepresentative");
        if (gdpr.art34Exception() != null && !Set.of("34(3)(a)", "34(3)(b)", "34(3)(c)").contains(gdpr.art34Exception())) {
            throw invalid("gdpr.art34Exception", "gdpr.art34Exception must be 34(3)(a), 34(3)(b) or 34(3)(c)");
        }
    }

    private void memberState(String code, String field) {
        if (code != null && !catalog.isKnownJurisdiction("EU-" + code)) {
            throw invalid(field, field + " is not an EU member state code such as DE or IE");
        }
    }

    private static void inRange(OffsetDateTime value, String field) {
        if (value != null && (value.toInstant().isBefore(EARLIEST) || value.toInstant().isAfter(LATEST))) {
            throw invalid(field, field + " must lie between 1900-01-01 and 2999-12-31");
        }
    }

    private static void bounded(java.util.List<?> list, String field) {
        if (list != null && list.size() > MAX_LIST) {
            throw invalid(field, field + " holds more than " + MAX_LIST + " entries");
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw invalid(field, field + " is required");
        }
    }

    private static InvalidPlanRequestException invalid(String field, String detail) {
        return new InvalidPlanRequestException(field, detail);
    }
}
