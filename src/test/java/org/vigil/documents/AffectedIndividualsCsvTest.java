package org.vigil.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class AffectedIndividualsCsvTest {

    @Test
    void aGoodFileGivesEveryPersonInOrder() {
        var people = new ArrayList<AffectedIndividual>();
        int rows = AffectedIndividualsCsv.read(new StringReader("""
                name,postal_address,email,jurisdiction,contact_valid
                Maria Lopez,"12 Elm Street
                Austin, TX 78701",maria@example.com,US-TX,true
                "Smith, John",,john@example.com,us-il,yes
                Zoë Ødegård,,,EU-DE,false
                José Núñez,"1 High Street, London",,GB,true
                """), people::add);

        assertThat(rows).isEqualTo(4);
        assertThat(people).extracting(AffectedIndividual::name).containsExactly("Maria Lopez", "Smith, John", "Zoë Ødegård", "José Núñez");
        // The ISO code GB is the rule catalog's UK.
        assertThat(people.get(3).jurisdiction()).isEqualTo("UK");
        assertThat(people.get(0).postalAddress()).isEqualTo("12 Elm Street\nAustin, TX 78701");
        assertThat(people.get(1).jurisdiction()).isEqualTo("US-IL");
        assertThat(people.get(2).contactValid()).isFalse();
    }

    @Test
    void badRowsAreReportedByLineAndColumnWithoutTheirValuesAndNoRowAfterTheFirstProblemIsHandedOn() {
        var people = new ArrayList<AffectedIndividual>();
        assertThatThrownBy(() -> AffectedIndividualsCsv.read(new StringReader("""
                name,postal_address,email,jurisdiction,contact_valid
                Maria Lopez,12 Elm Street,,US-TX,true
                ,1 Oak Road,,US-TX,true
                Secret Patient,2 Pine Road,not-an-address,Texas,maybe
                Ann Lee,,,US-CA,true
                Bob Roe,3 Ash Road,,US-NY
                """), people::add))
                .isInstanceOf(InvalidAffectedIndividualsException.class)
                .satisfies(e -> {
                    var problems = ((InvalidAffectedIndividualsException) e).problems();
                    assertThat(problems).extracting(p -> p.line() + " " + p.column()).containsExactly(
                            "3 name", "4 jurisdiction", "4 email", "4 contact_valid", "5 postal_address", "6 null");
                })
                .hasMessageStartingWith("6 bad rows in the list of affected individuals; nothing was imported: line 3, name: is required")
                .message().doesNotContain("Secret Patient", "not-an-address", "Texas", "maybe");
        assertThat(people).extracting(AffectedIndividual::name).containsExactly("Maria Lopez");
    }

    @Test
    void aHeaderWithoutTheExpectedColumnsIsRefusedAtLineOne() {
        assertThatThrownBy(() -> AffectedIndividualsCsv.read(new StringReader("name,address\nA,B\n"), person -> { }))
                .hasMessageContaining("line 1: the header lacks postal_address, email, jurisdiction, contact_valid");
        assertThatThrownBy(() -> AffectedIndividualsCsv.read(new StringReader(String.join(",", AffectedIndividualsCsv.COLUMNS) + "\n"), person -> { }))
                .hasMessageContaining("holds no individuals");
    }

    @Test
    void anOptionalCounterpartyColumnSaysWhoseDataEachPersonIsAndOnlyTheRegistersCounterpartiesAreTaken() {
        var people = new ArrayList<AffectedIndividual>();
        AffectedIndividualsCsv.read(new StringReader("""
                name,postal_address,email,jurisdiction,contact_valid,counterparty
                Maria Lopez,12 Elm Street,,US-TX,true,Northwind-Clinics
                John Smith,3 Oak Road,,US-TX,true,
                """), java.util.Set.of("northwind-clinics"), people::add);
        assertThat(people).extracting(AffectedIndividual::counterparty).containsExactly("northwind-clinics", null);

        assertThatThrownBy(() -> AffectedIndividualsCsv.read(new StringReader("""
                name,postal_address,email,jurisdiction,contact_valid,counterparty
                Maria Lopez,12 Elm Street,,US-TX,true,secret-clinic
                """), java.util.Set.of("northwind-clinics"), person -> { }))
                .isInstanceOf(InvalidAffectedIndividualsException.class)
                .satisfies(e -> assertThat(((InvalidAffectedIndividualsException) e).problems())
                        .extracting(p -> p.line() + " " + p.column()).containsExactly("2 counterparty"))
                .message().doesNotContain("secret-clinic", "Maria");
    }
}
