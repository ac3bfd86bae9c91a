package org.vigil.breach;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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

    static final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

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
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        try {
            incidents.recordFacts(((Number) task.getVariable(BreachResponseProcess.INCIDENT_ID)).longValue(), json.writeValueAsString(facts));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        task.setVariable("affectedTotal", facts.affectedCounts().values().stream().mapToInt(Integer::intValue).sum());
    }

    static InvestigationFacts read(DelegateTask task, java.util.Set<String> knownCounterparties) {
        var counts = IncidentIntakeListener.counts(FormText.text(task::getVariable, "affectedCounts"), "affectedCounts");
        if (counts.isEmpty()) {
            throw new BadUserRequestException("Field affectedCounts is required: at least one jurisdiction, e.g. US-TX: 300");
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
        Integer outOfDate = integer(task.getVariable("contactInfoOutOfDateCount"), "contactInfoOutOfDateCount");
        return new InvestigationFacts(counts, FormText.dataElements(task::getVariable), outOfDate == null ? 0 : outOfDate,
                FormText.flag(task::getVariable, "encryptedNistSafeHarbor"), FormText.flag(task::getVariable, "encryptionKeyCompromised"),
                FormText.dateTime(task.getVariable("firstKnownToWorkforceAt"), "firstKnownToWorkforceAt"),
                FormText.dateTime(task.getVariable("determinationAt"), "determinationAt"),
                valueOr(FormText.text(task::getVariable, "role"), "covered_entity"), lawEnforcement, businessAssociate, gdpr, flags,
                counterparties(FormText.text(task::getVariable, "affectedCounterparties"), knownCounterparties));
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
                throw new BadUserRequestException("Field affectedCounterparties names a counterparty that is not in the agreements register ("
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new BadUserRequestException("Field " + field + " is required");
        }
        return value;
    }

    private static Integer integer(Object value, String field) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            int number = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
            if (number < 0) {
                throw new BadUserRequestException("Field " + field + " must not be negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadUserRequestException("Field " + field + " is not a whole number");
        }
    }

    private static LocalDate date(String value, String field) {
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadUserRequestException("Field " + field + " is not a date (expected 2026-04-30)");
        }
    }

    private static String valueOr(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
