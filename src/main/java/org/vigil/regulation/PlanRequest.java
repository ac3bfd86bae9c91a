package org.vigil.regulation;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * One incident as the notification-plan API receives it (PLAN-API.md). Optional fields may be {@code null};
 * {@link NotificationPlans#plan(PlanRequest)} validates the whole request and names the offending field.
 */
@NamedInterface("api")
public record PlanRequest(
        OffsetDateTime discoveredAt,
        OffsetDateTime firstKnownToWorkforceAt,
        String entityTimezone,
        Role role,
        Map<String, Integer> affectedCounts,
        List<String> dataElements,
        Integer contactInfoOutOfDateCount,
        LawEnforcementDelay lawEnforcementDelay,
        Boolean encryptedNistSafeHarbor,
        Boolean encryptionKeyCompromised,
        RiskAssessmentConclusion riskAssessmentConclusion,
        String hipaaBreachException,
        OffsetDateTime stateDeterminationAt,
        BusinessAssociateDiscovery businessAssociate,
        Gdpr gdpr,
        List<EntityFlag> entityFlags,
        List<SentNotice> sentNotices,
        Boolean accessWithoutAcquisition,
        List<String> stateNoHarmDeterminations) {

    /**
     * A request in PLAN-API.md's fields only. The two extensions: {@code accessWithoutAcquisition} (the data was
     * accessed but there is no reason to believe it was acquired; decides the states whose breach is acquisition) and
     * {@code stateNoHarmDeterminations} (the US jurisdictions whose own risk-of-harm test the entity applied, finding
     * harm not likely, and documented).
     */
    public PlanRequest(OffsetDateTime discoveredAt, OffsetDateTime firstKnownToWorkforceAt, String entityTimezone,
                       Role role, Map<String, Integer> affectedCounts, List<String> dataElements,
                       Integer contactInfoOutOfDateCount, LawEnforcementDelay lawEnforcementDelay,
                       Boolean encryptedNistSafeHarbor, Boolean encryptionKeyCompromised,
                       RiskAssessmentConclusion riskAssessmentConclusion, String hipaaBreachException,
                       OffsetDateTime stateDeterminationAt, BusinessAssociateDiscovery businessAssociate, Gdpr gdpr,
                       List<EntityFlag> entityFlags, List<SentNotice> sentNotices) {
        this(discoveredAt, firstKnownToWorkforceAt, entityTimezone, role, affectedCounts, dataElements,
                contactInfoOutOfDateCount, lawEnforcementDelay, encryptedNistSafeHarbor, encryptionKeyCompromised,
                riskAssessmentConclusion, hipaaBreachException, stateDeterminationAt, businessAssociate, gdpr,
                entityFlags, sentNotices, null, null);
    }

    @NamedInterface("api")

    public enum Role {
        @JsonProperty("covered_entity") COVERED_ENTITY,
        @JsonProperty("business_associate") BUSINESS_ASSOCIATE,
        @JsonProperty("phr_vendor") PHR_VENDOR,
        /** Third-party service provider of a PHR vendor (16 CFR 318.3(b)); an extension of PLAN-API.md. */
        @JsonProperty("phr_service_provider") PHR_SERVICE_PROVIDER,
        @JsonProperty("none") NONE;

        boolean isHipaaEntity() {
            return this == COVERED_ENTITY || this == BUSINESS_ASSOCIATE;
        }
    }

    @NamedInterface("api")

    public enum RiskAssessmentConclusion {
        @JsonProperty("low_probability_of_compromise") LOW_PROBABILITY_OF_COMPROMISE,
        @JsonProperty("not_low_probability") NOT_LOW_PROBABILITY
    }

    @NamedInterface("api")

    public enum EntityFlag {
        @JsonProperty("nis2_essential_entity") NIS2_ESSENTIAL_ENTITY,
        @JsonProperty("nis2_important_entity") NIS2_IMPORTANT_ENTITY,
        @JsonProperty("ca_licensed_clinic_health_facility_hha_or_hospice") CA_LICENSED_CLINIC_HEALTH_FACILITY_HHA_OR_HOSPICE,
        @JsonProperty("pipeda_commercial_activity") PIPEDA_COMMERCIAL_ACTIVITY,
        @JsonProperty("au_app_entity_health_service_provider") AU_APP_ENTITY_HEALTH_SERVICE_PROVIDER,
        /**
         * The entity is a custodian (Ontario PHIPA, Alberta HIA, Newfoundland PHIA, Nova Scotia PHIA, New Brunswick
         * PHIPAA), a trustee (Manitoba PHIA) or a health and social services body (Quebec) under the
         * health-information statute of the province whose residents are affected.
         */
        @JsonProperty("ca_health_information_custodian") CA_HEALTH_INFORMATION_CUSTODIAN,
        /**
         * The entity acts for such a custodian: an agent or electronic service provider (Ontario), an affiliate or
         * information manager (Alberta), an agent or information manager (other provinces); with role
         * business_associate it notifies the custodian, never the individuals or the commissioner itself.
         */
        @JsonProperty("ca_health_information_agent") CA_HEALTH_INFORMATION_AGENT
    }

    /** A law-enforcement statement under 45 CFR 164.412 (and the state and FTC rules that borrow it). */
    @NamedInterface("api")
    public record LawEnforcementDelay(
            Form form,
            OffsetDateTime statementAt,
            Integer requestedDurationDays,
            WrittenFollowup writtenFollowup) {

        @NamedInterface("api")

        public enum Form {
            @JsonProperty("oral") ORAL,
            @JsonProperty("written") WRITTEN,
            @JsonProperty("oral_then_written") ORAL_THEN_WRITTEN
        }
    }

    @NamedInterface("api")

    public record WrittenFollowup(OffsetDateTime receivedAt, LocalDate delayUntilDate) {
    }

    /** For a covered entity whose breach a business associate found (164.410; agency per A.7.9). */
    @NamedInterface("api")
    public record BusinessAssociateDiscovery(
            OffsetDateTime discoveredAt,
            OffsetDateTime notifiedCoveredEntityAt,
            Boolean agentOfCoveredEntity) {
    }

    /**
     * GDPR or UK GDPR facts. {@code art34Exception} ("34(3)(a)", "34(3)(b)" or "34(3)(c)") extends PLAN-API.md;
     * without it, 34(3)(a) is inferred from encryption whose key was not compromised.
     */
    @NamedInterface("api")
    public record Gdpr(
            GdprRegime regime,
            GdprRole role,
            OffsetDateTime awarenessAt,
            RiskLevel riskLevel,
            String mainEstablishment,
            String euRepresentative,
            String art34Exception) {

        @NamedInterface("api")

        public enum GdprRegime {
            @JsonProperty("GDPR") GDPR,
            @JsonProperty("UK GDPR") UK_GDPR
        }

        @NamedInterface("api")

        public enum GdprRole {
            @JsonProperty("controller") CONTROLLER,
            @JsonProperty("processor") PROCESSOR
        }

        @NamedInterface("api")

        public enum RiskLevel {
            @JsonProperty("unlikely") UNLIKELY,
            @JsonProperty("risk") RISK,
            @JsonProperty("high") HIGH
        }
    }

    /** A notice already sent; relative deadlines (C6) run from it instead of from the outer bound. */
    @NamedInterface("api")
    public record SentNotice(String recipient, String jurisdiction, OffsetDateTime sentAt) {
    }
}
