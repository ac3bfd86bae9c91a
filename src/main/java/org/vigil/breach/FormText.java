package org.vigil.breach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading form fields: dates as Camunda Forms send them, and the transient {@code phi*} fields. */
final class FormText {

    private FormText() {}

    /** Removes every {@code phi*} field; they never reach the database (see TransientFormFieldHistoryFilter). */
    static void removeTransientFields(VariableScope scope) {
        scope.getVariableNames().stream()
                .filter(name -> name.startsWith("phi") && name.length() > 3 && Character.isUpperCase(name.charAt(3)))
                .toList()
                .forEach(scope::removeVariable);
    }

    /** A date-time from a form: ISO with offset, ISO local (read in the JVM's zone, the company's), or a date. */
    static OffsetDateTime dateTime(Object value, String field) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        String text = value.toString().strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text);
            }
            return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException("Field " + field + " is not a date and time (expected e.g. 2026-03-02T10:15)");
        }
    }

    /** One checkbox per data element in the forms (plain booleans: no JSON variables needed). */
    private static final java.util.Map<String, String> DATA_ELEMENT_FIELDS = java.util.Map.of(
            "dataName", "name",
            "dataSsn", "ssn",
            "dataDateOfBirth", "date_of_birth",
            "dataDiagnosis", "diagnosis",
            "dataHealthInsuranceId", "health_insurance_id",
            "dataMedicalRecordNumber", "medical_record_number",
            "dataFinancialAccount", "financial_account",
            "dataEmailCredentials", "email_credentials");

    static java.util.List<String> dataElements(VariableScope scope) {
        return DATA_ELEMENT_FIELDS.entrySet().stream()
                .filter(field -> flag(scope, field.getKey()))
                .map(java.util.Map.Entry::getValue)
                .sorted()
                .toList();
    }

    static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
