package org.vigil.documents;

import org.springframework.modulith.NamedInterface;

/**
 * What the privacy office wrote for a notice; {@code null} where it wrote nothing. Where it names an entity type,
 * that wins over the one derived from the facts.
 */
@NamedInterface("api")
public record NoticeWording(String whatHappened, String stepsForIndividuals, String whatWeAreDoing, String consequences,
        String safeguards, String delayReasons, String breachType, String breachLocation, String entityType, String agOffice) {

    public static final NoticeWording NONE = new NoticeWording(null, null, null, null, null, null, null, null, null, null);
}
