package org.vigil.regulation;

import org.vigil.regulation.Rule.Confidence;

import java.util.List;

/**
 * A state's (or territory's) own definition of a breach of security and of personal information, applied to every
 * duty of that jurisdiction unless the duty names a link to HIPAA (PLAN-API.md, "Each regime decides by its own
 * definition"). Exactly as written in the state's file under {@code seeds/regulation/us/}.
 */
record StateDefinition(
        String jurisdiction,
        String statute,
        String basis,
        Confidence confidence,
        Trigger trigger,
        PersonalInformation personalInformation,
        Encryption encryption,
        Boolean goodFaithEmployeeExclusion,
        RiskOfHarm riskOfHarm,
        String note) {

    /** What event makes an incident a breach: unauthorized acquisition, or mere access. */
    enum Trigger {
        ACQUISITION, ACCESS
    }

    /**
     * The data-element categories that make data personal information: {@code withName} in combination with a
     * person's name, {@code alone} without one (e.g. user name and password).
     */
    record PersonalInformation(List<String> withName, List<String> alone) {

        PersonalInformation {
            withName = withName == null ? List.of() : List.copyOf(withName);
            alone = alone == null ? List.of() : List.copyOf(alone);
        }

        boolean counts(String category) {
            return withName.contains(category) || alone.contains(category);
        }
    }

    /** Encrypted data is not personal information (safe harbor), unless the key was compromised with it. */
    record Encryption(boolean safeHarbor, Boolean keyCompromiseDefeats) {

        boolean keyDefeats() {
            return keyCompromiseDefeats == null || keyCompromiseDefeats;
        }
    }

    /** No notice where the entity determines harm is not likely, in the words of {@code test}, and documents it. */
    record RiskOfHarm(boolean exception, String test, String documentation) {
    }
}
