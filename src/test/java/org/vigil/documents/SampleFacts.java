package org.vigil.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The facts of a sample breach: a stolen laptop with the charts of 1,200 patients, 700 of them in Texas. */
final class SampleFacts {

    static final CompanyFacts COMPANY = new CompanyFacts("Riverside Health Partners", "100 Main Street\nSpringfield, IL 62701",
            "1-800-555-0100", "privacy@riverside.example", "https://riverside.example/notice", "Dana Reyes", "documents/demo-logo.png");

    private SampleFacts() {}

    static Map<String, Object> breach() {
        var facts = new HashMap<String, Object>();
        facts.put("whatHappened", "A laptop holding patient charts was stolen from an employee's car.");
        facts.put("breachDate", LocalDate.of(2026, 3, 1));
        facts.put("discoveryDate", LocalDate.of(2026, 3, 3));
        facts.put("phiTypes", List.of("Names", "Dates of birth", "Diagnoses"));
        facts.put("stepsForIndividuals", "Review the statements you receive from your health insurer.\nReport any service you did not receive.");
        facts.put("whatWeAreDoing", "We reported the theft to the police, encrypted every laptop and retrained our staff.");
        facts.put("noticeDate", LocalDate.of(2026, 3, 20));
        facts.put("recipient", Map.of("name", "Maria Lopez", "postalAddress", "12 Elm Street\nAustin, TX 78701"));
        facts.put("unreachableCount", 14);
        facts.put("mediaArea", "Texas");
        facts.put("affectedInJurisdiction", 700);
        facts.put("affectedCount", 1200);
        facts.put("entityType", "Healthcare provider");
        facts.put("breachType", "Theft");
        facts.put("breachLocation", "Laptop");
        facts.put("safeguards", "Password protection; no full-disk encryption");
        facts.put("actionsTaken", "Full-disk encryption on every device; staff retraining; police report");
        facts.put("businessAssociateInvolved", false);
        facts.put("state", "Texas");
        facts.put("authority", "Berliner Beauftragte für Datenschutz und Informationsfreiheit");
        facts.put("awarenessAt", OffsetDateTime.parse("2026-03-03T09:30:00+01:00"));
        facts.put("dataSubjectCategories", List.of("Patients"));
        facts.put("approxDataSubjects", 1200);
        facts.put("recordCategories", List.of("Health data", "Contact data"));
        facts.put("approxRecords", 3600);
        facts.put("consequences", "Possible identity theft and disclosure of health conditions.");
        facts.put("measures", "Remote wipe requested; individuals informed; encryption enforced.");
        facts.put("coveredEntity", "Lakeside Hospital");
        facts.put("individuals", List.of(Map.of("name", "Maria Lopez", "jurisdiction", "US-TX"), Map.of("name", "John Smith", "jurisdiction", "US-IL")));
        return facts;
    }
}
