package org.vigil.breach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.function.Function;

/** Reading form fields as Camunda Forms send them; a wrong value is an IllegalArgumentException naming the field. */
final class FormText {

    private FormText() {}

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
            throw new IllegalArgumentException("Field '" + FactChecks.label(field) + "' (" + field + ") is not a date and time (expected e.g. 2026-03-02T10:15)");
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
            "dataEmailCredentials", "email_credentials",
            "dataDriversLicense", "drivers_license",
            "dataBiometric", "biometric");

    static java.util.List<String> dataElements(Function<String, Object> scope) {
        return DATA_ELEMENT_FIELDS.entrySet().stream()
                .filter(field -> flag(scope, field.getKey()))
                .map(java.util.Map.Entry::getValue)
                .sorted()
                .toList();
    }

    /** The checkboxes of these data elements ticked, the others not: {@link #dataElements} read backwards. */
    static java.util.Map<String, Object> dataElementFlags(java.util.List<String> elements) {
        var flags = new java.util.TreeMap<String, Object>();
        DATA_ELEMENT_FIELDS.forEach((field, element) -> flags.put(field, elements.contains(element)));
        return flags;
    }

    static boolean flag(Function<String, Object> scope, String name) {
        Object value = scope.apply(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    static String text(Function<String, Object> scope, String name) {
        Object value = scope.apply(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
