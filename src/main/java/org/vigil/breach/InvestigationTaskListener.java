package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.AFFECTED_TOTAL;
import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of Task_InvestigateIncident: the form's facts are checked and stored with the incident, where the
 * notification plan reads them. A wrong entry refuses the completion with a message naming the field.
 */
@Component
class InvestigationTaskListener implements TaskListener {

    /** When it happened: the report's answer, shown as the field's first value, which the investigation may correct. */
    static final String OCCURRED_AT = "occurredAt";

    private final Incidents incidents;
    private final ContractualDuties contracts;

    InvestigationTaskListener(Incidents incidents, ContractualDuties contracts) {
        this.incidents = incidents;
        this.contracts = contracts;
    }

    @Override
    public void notify(DelegateTask task) {
        InvestigationFacts facts;
        try {
            facts = read(task, contracts.counterpartyIds());
            var occurredAt = FormText.dateTime(task.getVariable(OCCURRED_AT), OCCURRED_AT);
            if (occurredAt != null) {
                incidents.recordOccurrence(INCIDENT_ID.from(task), occurredAt);
            }
            incidents.recordFacts(INCIDENT_ID.from(task), facts);
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        AFFECTED_TOTAL.set(task, facts.affectedCounts().values().stream().mapToInt(Integer::intValue).sum());
    }

    static InvestigationFacts read(DelegateTask task, java.util.Set<String> knownCounterparties) {
        var counts = IncidentIntakeListener.counts(FormText.text(task::getVariable, "affectedCounts"), "affectedCounts");
        if (counts.isEmpty()) {
            throw new BadUserRequestException("Field '" + FactChecks.label("affectedCounts") + "' (affectedCounts) is required: at least one jurisdiction, e.g. US-TX: 300");
        }
        String leForm = FormText.text(task::getVariable, "lawEnforcementForm");
        var lawEnforcement = leForm == null || leForm.equals("none") ? null : new InvestigationFacts.LawEnforcement(leForm,
                required(FormText.dateTime(task.getVariable("lawEnforcementStatementAt"), "lawEnforcementStatementAt"), "lawEnforcementStatementAt"),
                integer(task.getVariable("lawEnforcementDays"), "lawEnforcementDays"),
                FormText.dateTime(task.getVariable("lawEnforcementWrittenAt"), "lawEnforcementWrittenAt"),
                date(FormText.text(task::getVariable, "lawEnforcementDelayUntil"), "lawEnforcementDelayUntil"));
        var businessAssociate = !FormText.flag(task::getVariable, "businessAssociateInvolved") ? null : new InvestigationFacts.BusinessAssociate(
                required(FormText.dateTime(task.getVariable("businessAssociateDiscoveredAt"), "businessAssociateDiscoveredAt"), "businessAssociateDiscoveredAt"),
                required(FormText.dateTime(task.getVariable("businessAssociateNotifiedAt"), "businessAssociateNotifiedAt"), "businessAssociateNotifiedAt"),
                FormText.flag(task::getVariable, "businessAssociateIsAgent"));
        var gdpr = !FormText.flag(task::getVariable, "gdprApplies") ? null : new InvestigationFacts.Gdpr(
                valueOr(FormText.text(task::getVariable, "gdprRegime"), "GDPR"),
                valueOr(FormText.text(task::getVariable, "gdprRole"), "controller"),
                FormText.dateTime(task.getVariable("gdprAwarenessAt"), "gdprAwarenessAt"),
                valueOr(FormText.text(task::getVariable, "gdprRiskLevel"), "risk"),
                FormText.text(task::getVariable, "gdprMainEstablishment"),
                FormText.text(task::getVariable, "gdprEuRepresentative"));
        List<String> flags = new ArrayList<>();
        String nis2 = FormText.text(task::getVariable, "nis2Entity");
        if ("essential".equals(nis2)) flags.add("nis2_essential_entity");
        if ("important".equals(nis2)) flags.add("nis2_important_entity");
        if (FormText.flag(task::getVariable, "caLicensedFacility")) flags.add("ca_licensed_clinic_health_facility_hha_or_hospice");
        if (FormText.flag(task::getVariable, "pipedaCommercialActivity")) flags.add("pipeda_commercial_activity");
        if (FormText.flag(task::getVariable, "auAppEntity")) flags.add("au_app_entity_health_service_provider");
        if (FormText.flag(task::getVariable, "caHealthCustodian")) flags.add("ca_health_information_custodian");
        if (FormText.flag(task::getVariable, "caHealthAgent")) flags.add("ca_health_information_agent");
        Integer outOfDate = integer(task.getVariable("contactInfoOutOfDateCount"), "contactInfoOutOfDateCount");
        return new InvestigationFacts(counts, FormText.dataElements(task::getVariable), outOfDate == null ? 0 : outOfDate,
                FormText.flag(task::getVariable, "encryptedNistSafeHarbor"), FormText.flag(task::getVariable, "encryptionKeyCompromised"),
                FormText.dateTime(task.getVariable("firstKnownToWorkforceAt"), "firstKnownToWorkforceAt"),
                FormText.dateTime(task.getVariable("determinationAt"), "determinationAt"),
                valueOr(FormText.text(task::getVariable, "role"), "covered_entity"), lawEnforcement, businessAssociate, gdpr, flags,
                counterparties(FormText.text(task::getVariable, "affectedCounterparties"), knownCounterparties),
                FormText.flag(task::getVariable, "accessWithoutAcquisition"),
                usStates(FormText.text(task::getVariable, "stateNoHarmDeterminations"), "stateNoHarmDeterminations"));
    }

    /** US state or territory codes separated by commas, semicolons, spaces or lines (US-FL, US-CO). */
    static List<String> usStates(String text, String field) {
        if (text == null) {
            return List.of();
        }
        var codes = new java.util.LinkedHashSet<String>();
        for (String entry : text.split("[\\s,;]+")) {
            String code = entry.strip().toUpperCase(java.util.Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!code.matches("US-[A-Z]{2}")) {
                throw new BadUserRequestException("Field '" + FactChecks.label(field) + "' (" + field
                        + ") holds '" + code + "', not a US state or territory code such as US-FL");
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    /** Ids of the agreements register, separated by commas, semicolons or lines; never echoed back when unknown. */
    private static List<String> counterparties(String text, java.util.Set<String> known) {
        if (text == null) {
            return List.of();
        }
        var ids = new java.util.LinkedHashSet<String>();
        for (String entry : text.split("[\\n,;]")) {
            String id = entry.strip().toLowerCase(java.util.Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            if (!known.contains(id)) {
                throw new BadUserRequestException("Field '" + FactChecks.label("affectedCounterparties") + "' (affectedCounterparties) names a counterparty that is not in the agreements register ("
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /**
     * The form's fields as {@link #read} would read them back: a reopened incident's investigation starts from what
     * the last one established. Facts hold no patient data, so they may be process variables.
     */
    static java.util.Map<String, Object> formValues(InvestigationFacts facts) {
        var values = new java.util.LinkedHashMap<String, Object>();
        values.put("affectedCounts", AffectedCounts.format(facts.affectedCounts(), "\n"));
        values.putAll(FormText.dataElementFlags(facts.dataElements()));
        values.put("contactInfoOutOfDateCount", facts.contactInfoOutOfDateCount());
        values.put("encryptedNistSafeHarbor", facts.encryptedNistSafeHarbor());
        values.put("encryptionKeyCompromised", facts.encryptionKeyCompromised());
        putDate(values, "firstKnownToWorkforceAt", facts.firstKnownToWorkforceAt());
        putDate(values, "determinationAt", facts.determinationAt());
        values.put("role", facts.role());
        var le = facts.lawEnforcement();
        values.put("lawEnforcementForm", le == null ? "none" : le.form());
        if (le != null) {
            putDate(values, "lawEnforcementStatementAt", le.statementAt());
            if (le.requestedDurationDays() != null) values.put("lawEnforcementDays", le.requestedDurationDays());
            putDate(values, "lawEnforcementWrittenAt", le.writtenFollowupReceivedAt());
            if (le.delayUntilDate() != null) values.put("lawEnforcementDelayUntil", le.delayUntilDate().toString());
        }
        var ba = facts.businessAssociate();
        values.put("businessAssociateInvolved", ba != null);
        if (ba != null) {
            putDate(values, "businessAssociateDiscoveredAt", ba.discoveredAt());
            putDate(values, "businessAssociateNotifiedAt", ba.notifiedCoveredEntityAt());
            values.put("businessAssociateIsAgent", ba.agentOfCoveredEntity());
        }
        var gdpr = facts.gdpr();
        values.put("gdprApplies", gdpr != null);
        if (gdpr != null) {
            values.put("gdprRegime", gdpr.regime());
            values.put("gdprRole", gdpr.role());
            putDate(values, "gdprAwarenessAt", gdpr.awarenessAt());
            values.put("gdprRiskLevel", gdpr.riskLevel());
            if (gdpr.mainEstablishment() != null) values.put("gdprMainEstablishment", gdpr.mainEstablishment());
            if (gdpr.euRepresentative() != null) values.put("gdprEuRepresentative", gdpr.euRepresentative());
        }
        var flags = facts.entityFlags();
        values.put("nis2Entity", flags.contains("nis2_essential_entity") ? "essential" : flags.contains("nis2_important_entity") ? "important" : "none");
        values.put("caLicensedFacility", flags.contains("ca_licensed_clinic_health_facility_hha_or_hospice"));
        values.put("caHealthCustodian", flags.contains("ca_health_information_custodian"));
        values.put("caHealthAgent", flags.contains("ca_health_information_agent"));
        values.put("accessWithoutAcquisition", facts.accessWithoutAcquisition());
        values.put("stateNoHarmDeterminations", String.join(", ", facts.stateNoHarmDeterminations()));
        values.put("pipedaCommercialActivity", flags.contains("pipeda_commercial_activity"));
        values.put("auAppEntity", flags.contains("au_app_entity_health_service_provider"));
        return values;
    }

    private static void putDate(java.util.Map<String, Object> values, String field, java.time.OffsetDateTime value) {
        if (value != null) {
            values.put(field, value.toString());
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new BadUserRequestException("Field '" + FactChecks.label(field) + "' (" + field + ") is required");
        }
        return value;
    }

    /** A whole number as the form's number field sends it: 1.5 is refused, never cut down to 1. */
    private static Integer integer(Object value, String field) {
        return FactChecks.wholeCount(value, field);
    }

    private static LocalDate date(String value, String field) {
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadUserRequestException("Field '" + FactChecks.label(field) + "' (" + field + ") is not a date (expected 2026-04-30)");
        }
    }

    private static String valueOr(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
