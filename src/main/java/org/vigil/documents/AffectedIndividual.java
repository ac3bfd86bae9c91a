package org.vigil.documents;

import org.springframework.modulith.NamedInterface;

/**
 * One person a breach affected, as uploaded: patient data, so it lives encrypted and never in logs or variables.
 * {@code counterparty}: whose data the person is (a counterparty id of the agreements register), null for the
 * company's own.
 */
@NamedInterface("api")
public record AffectedIndividual(String name, String postalAddress, String email, String jurisdiction, boolean contactValid,
        String counterparty) {

    public AffectedIndividual(String name, String postalAddress, String email, String jurisdiction, boolean contactValid) {
        this(name, postalAddress, email, jurisdiction, contactValid, null);
    }
}
