package org.vigil.documents;

/** One person a breach affected, as uploaded: patient data, so it lives encrypted and never in logs or variables. */
public record AffectedIndividual(String name, String postalAddress, String email, String jurisdiction, boolean contactValid) {}
