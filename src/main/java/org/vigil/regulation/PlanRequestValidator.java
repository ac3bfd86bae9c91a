package org.vigil.regulation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/** Rejects what the plan cannot be computed from, naming the field (PLAN-API.md: 400 with the field). */
final class PlanRequestValidator {

    /** Codes a notice may be sent under besides the catalog's jurisdictions: the EU as a whole. */
    private static final Set<String> REGIONAL_CODES = Set.of("EU");

    private final RuleCatalog catalog;

    PlanRequestValidator(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    void validate(PlanRequest request) {
        if (request == null) {
            throw invalid("body", "the request body is missing");
        }
        required(request.discoveredAt(), "discoveredAt");
        zoneOf(request.entityTimezone());
        required(request.role(), "role");
        validateCounts(request.affectedCounts());
        if (request.contactInfoOutOfDateCount() != null && request.contactInfoOutOfDateCount() < 0) {
            throw invalid("contactInfoOutOfDateCount", "contactInfoOutOfDateCount must not be negative");
        }
        if (request.hipaaBreachException() != null && catalog.hipaaBreachException(request.hipaaBreachException()).isEmpty()) {
            throw invalid("hipaaBreachException", "hipaaBreachException '" + request.hipaaBreachException()
                    + "' is not one of " + catalog.hipaaBreachExceptionCodes());
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
                String code = notice.jurisdiction();
                if (code == null || !(catalog.isKnownJurisdiction(code) || REGIONAL_CODES.contains(code))) {
                    throw invalid(at + ".jurisdiction", at + ".jurisdiction '" + code + "' is not a known jurisdiction code");
                }
                required(notice.sentAt(), at + ".sentAt");
            }
        }
    }

    static ZoneId zoneOf(String entityTimezone) {
        required(entityTimezone, "entityTimezone");
        try {
            ZoneId zone = ZoneId.of(entityTimezone);
            if (zone instanceof ZoneOffset) {
                // A fixed offset would ignore daylight saving (C2); the contract asks for an IANA zone.
                throw invalid("entityTimezone", "entityTimezone must be an IANA zone such as America/Chicago, not the offset '"
                        + entityTimezone + "'");
            }
            return zone;
        } catch (DateTimeException e) {
            throw invalid("entityTimezone", "entityTimezone '" + entityTimezone + "' is not a known IANA time zone");
        }
    }

    private void validateCounts(Map<String, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            throw invalid("affectedCounts", "affectedCounts must name at least one jurisdiction");
        }
        counts.forEach((code, count) -> {
            if (code == null || !catalog.isKnownJurisdiction(code)) {
                throw invalid("affectedCounts." + code, "affectedCounts: '" + code
                        + "' is not a known jurisdiction code (US, US-XX, EU-XX, UK, CA-XX, AU)");
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
        if (delay.requestedDurationDays() != null && delay.requestedDurationDays() < 0) {
            throw invalid("lawEnforcementDelay.requestedDurationDays", "lawEnforcementDelay.requestedDurationDays must not be negative");
        }
        if (delay.form() == PlanRequest.LawEnforcementDelay.Form.ORAL_THEN_WRITTEN) {
            required(delay.writtenFollowup(), "lawEnforcementDelay.writtenFollowup");
        }
        if (delay.writtenFollowup() != null) {
            required(delay.writtenFollowup().receivedAt(), "lawEnforcementDelay.writtenFollowup.receivedAt");
        }
    }

    private static void validateBusinessAssociate(PlanRequest.BusinessAssociateDiscovery ba) {
        if (ba == null) {
            return;
        }
        required(ba.discoveredAt(), "businessAssociate.discoveredAt");
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
        memberState(gdpr.mainEstablishment(), "gdpr.mainEstablishment");
        memberState(gdpr.euRepresentative(), "gdpr.euRepresentative");
        if (gdpr.art34Exception() != null && !Set.of("34(3)(a)", "34(3)(b)", "34(3)(c)").contains(gdpr.art34Exception())) {
            throw invalid("gdpr.art34Exception", "gdpr.art34Exception must be 34(3)(a), 34(3)(b) or 34(3)(c)");
        }
    }

    private void memberState(String code, String field) {
        if (code != null && !catalog.isKnownJurisdiction("EU-" + code)) {
            throw invalid(field, field + " '" + code + "' is not an EU member state code such as DE or IE");
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
