package org.vigil.regulation;

import org.vigil.regulation.PlanRequest.BusinessAssociateDiscovery;
import org.vigil.regulation.PlanRequest.EntityFlag;
import org.vigil.regulation.PlanRequest.Gdpr;
import org.vigil.regulation.PlanRequest.LawEnforcementDelay;
import org.vigil.regulation.PlanRequest.RiskAssessmentConclusion;
import org.vigil.regulation.PlanRequest.Role;
import org.vigil.regulation.PlanRequest.SentNotice;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data builder: an incident reads like the case a privacy officer describes. */
final class Incident {

    private OffsetDateTime discoveredAt;
    private OffsetDateTime firstKnownToWorkforceAt;
    private String zone = "America/Chicago";
    private Role role = Role.COVERED_ENTITY;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> dataElements = new ArrayList<>(List.of("name", "diagnosis"));
    private Integer outOfDate = 0;
    private LawEnforcementDelay lawEnforcementDelay;
    private Boolean encrypted = false;
    private Boolean keyCompromised = false;
    private RiskAssessmentConclusion risk = RiskAssessmentConclusion.NOT_LOW_PROBABILITY;
    private String hipaaException;
    private OffsetDateTime determinationAt;
    private BusinessAssociateDiscovery businessAssociate;
    private Gdpr gdpr;
    private final List<EntityFlag> flags = new ArrayList<>();
    private final List<SentNotice> sent = new ArrayList<>();

    static Incident discoveredAt(String timestamp) {
        var incident = new Incident();
        incident.discoveredAt = OffsetDateTime.parse(timestamp);
        return incident;
    }

    Incident in(String zone) {
        this.zone = zone;
        return this;
    }

    Incident as(Role role) {
        this.role = role;
        return this;
    }

    Incident affecting(String code, int residents) {
        counts.put(code, residents);
        return this;
    }

    Incident withDataElements(String... elements) {
        dataElements.addAll(List.of(elements));
        return this;
    }

    Incident firstKnownToWorkforceAt(String timestamp) {
        firstKnownToWorkforceAt = OffsetDateTime.parse(timestamp);
        return this;
    }

    Incident withOutOfDateContacts(int count) {
        outOfDate = count;
        return this;
    }

    Incident withLawEnforcementDelay(LawEnforcementDelay delay) {
        lawEnforcementDelay = delay;
        return this;
    }

    Incident encrypted(boolean keyCompromised) {
        this.encrypted = true;
        this.keyCompromised = keyCompromised;
        return this;
    }

    Incident withRiskAssessment(RiskAssessmentConclusion conclusion) {
        this.risk = conclusion;
        return this;
    }

    Incident withHipaaException(String exception) {
        this.hipaaException = exception;
        return this;
    }

    Incident determinedAt(String timestamp) {
        this.determinationAt = OffsetDateTime.parse(timestamp);
        return this;
    }

    Incident foundByBusinessAssociate(String discoveredAt, String notifiedAt, boolean agent) {
        this.businessAssociate = new BusinessAssociateDiscovery(OffsetDateTime.parse(discoveredAt),
                notifiedAt == null ? null : OffsetDateTime.parse(notifiedAt), agent);
        return this;
    }

    Incident withGdpr(Gdpr gdpr) {
        this.gdpr = gdpr;
        return this;
    }

    Incident flagged(EntityFlag flag) {
        flags.add(flag);
        return this;
    }

    Incident withSentNotice(String recipient, String jurisdiction, String sentAt) {
        sent.add(new SentNotice(recipient, jurisdiction, OffsetDateTime.parse(sentAt)));
        return this;
    }

    PlanRequest request() {
        return new PlanRequest(discoveredAt, firstKnownToWorkforceAt, zone, role, new LinkedHashMap<>(counts),
                List.copyOf(dataElements), outOfDate, lawEnforcementDelay, encrypted, keyCompromised, risk, hipaaException,
                determinationAt, businessAssociate, gdpr, List.copyOf(flags), List.copyOf(sent));
    }
}
