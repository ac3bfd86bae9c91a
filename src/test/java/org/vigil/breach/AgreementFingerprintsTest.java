package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.vigil.VigilSpringTest;
import org.vigil.breach.ContractualDuties.Agreement;
import org.vigil.breach.events.AgreementChanged;
import org.vigil.platform.Sha256;

/**
 * The agreements' fingerprints at start (issue 20, a trigger of the risk assessment): the first start records the
 * register and announces nothing; an agreement added or changed afterwards is announced once, with its previous
 * fingerprint; an unchanged register announces nothing. Also after a first start with no agreement at all.
 */
@VigilSpringTest
@RecordApplicationEvents
class AgreementFingerprintsTest {

    @Autowired AgreementFingerprints fingerprints;
    @Autowired ContractualDuties duties;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    @Test
    void theFirstStartRecordsOnlyAndAnAddedOrChangedAgreementIsAnnouncedOnce() throws Exception {
        forgetEverything();
        List<Agreement> register = duties.agreements();
        assertThat(register).isNotEmpty();
        assertThat(fingerprints.compareOnce(register)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM breach_agreement_fingerprint").query(Integer.class).single()).isEqualTo(register.size());
        assertThat(fingerprints.compareOnce(register)).as("a restart without a change").isZero();
        assertThat(announced()).isEmpty();

        Agreement first = register.get(0);
        Agreement changed = new Agreement(first.id(), first.counterparty(), first.counterpartyId(), first.kind(), first.ourRoles(),
                first.noticePeriod().plusDays(1), first.contact(), first.clause());
        var withChange = new java.util.ArrayList<>(register);
        withChange.set(0, changed);
        assertThat(fingerprints.compareOnce(withChange)).isOne();
        assertThat(fingerprints.compareOnce(withChange)).as("the same change at the next start").isZero();
        assertThat(announced()).singleElement().satisfies(event -> {
            assertThat(event.agreementId()).isEqualTo(first.id());
            assertThat(event.fingerprint()).isEqualTo(Sha256.hex(changed.toString()));
            assertThat(event.previousFingerprint()).isEqualTo(Sha256.hex(first.toString()));
        });

        // Back to the register as it is, for the tests after this one: announced as a change, once.
        assertThat(fingerprints.compareOnce(register)).isOne();
    }

    @Test
    void anAgreementAddedAfterAFirstStartWithAnEmptyRegisterIsAnnounced() throws Exception {
        forgetEverything();
        assertThat(fingerprints.compareOnce(List.of())).isZero();
        var added = new Agreement("baa-test-added", "Test Clinic", "test-clinic", "baa", List.of("business_associate"),
                Duration.ofDays(10), "privacy@test-clinic.example", "§ 4.2");
        assertThat(fingerprints.compareOnce(List.of(added))).isOne();
        assertThat(fingerprints.compareOnce(List.of(added))).isZero();
        assertThat(announced()).singleElement().satisfies(event -> {
            assertThat(event.agreementId()).isEqualTo("baa-test-added");
            assertThat(event.previousFingerprint()).isNull();
        });

        // The register as it is recorded again as a first start's, announcing nothing.
        forgetEverything();
        assertThat(fingerprints.compareOnce(duties.agreements())).isZero();
    }

    private List<AgreementChanged> announced() {
        return events.stream(AgreementChanged.class).toList();
    }

    private void forgetEverything() {
        jdbc.sql("DELETE FROM breach_agreement_fingerprint").update();
        jdbc.sql("DELETE FROM breach_agreement_baseline").update();
    }
}
