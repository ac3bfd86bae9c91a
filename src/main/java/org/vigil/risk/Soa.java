package org.vigil.risk;

import java.time.Instant;
import java.util.List;

/** The Statement of Applicability's shapes, as the API, the page and the document show them. Ids and words, no patient data. */
final class Soa {

    static final List<String> STATUSES = List.of("implemented", "partially-implemented", "planned", "not-implemented");
    static final int JUSTIFICATION_MAX = 2000;

    private Soa() {}

    /** A control as kept now (or frozen in a version): {@code riskIds} the register's risks it treats. */
    record Control(String controlId, String theme, String title, boolean applicable, String justification, String status,
            List<Long> riskIds, String changedBy, Instant changedAt) {}

    /** {@code GET /api/risk/soa}. */
    record Current(List<Control> controls, long applicable, long notApplicable, Instant asOf) {}

    /** The CISO's edit of one control ({@code PUT /api/risk/soa/{controlId}}); every field is required. */
    record Edit(Boolean applicable, String justification, String status) {}

    /** A version frozen at an assessment's sign-off; {@code documentSha256} is the stored PDF's. */
    record Version(int version, long assessmentId, String assessmentKind, String triggerType, Instant signedOffAt, String signedOffBy,
            Instant createdAt, long applicable, long notApplicable, String documentSha256) {}

    record VersionDetail(Version version, List<Control> controls) {}
}
