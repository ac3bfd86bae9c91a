package org.vigil.regulation;

import org.vigil.regulation.PlanRequest.EntityFlag;
import org.vigil.regulation.PlanRequest.Gdpr.GdprRegime;
import org.vigil.regulation.PlanRequest.Gdpr.GdprRole;
import org.vigil.regulation.PlanRequest.Gdpr.RiskLevel;
import org.vigil.regulation.PlanRequest.RiskAssessmentConclusion;
import org.vigil.regulation.PlanRequest.Role;
import org.vigil.regulation.Rule.ClockStart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the rules read from a validated request: counts by territory, clock starts, HIPAA and GDPR facts. */
final class IncidentFacts {

    /** A clock start with the words that explain it in {@code computation}. */
    record StartPoint(String label, Instant instant) {
    }

    final PlanRequest request;
    final ZoneId zone;
    final Role role;
    final Map<String, Integer> counts;
    final long usTotal;
    final long euTotal;
    final long canadaTotal;
    final int outOfDateContacts;
    final Set<EntityFlag> flags;
    final LawEnforcementHold hold;
    final LocalDate discoveryDate;
    private final Map<ClockStart, StartPoint> starts = new java.util.EnumMap<>(ClockStart.class);
    private final Map<String, List<String>> affectedCodes = new java.util.HashMap<>();

    IncidentFacts(PlanRequest request, RuleCatalog catalog) {
        this.request = request;
        this.zone = PlanRequestValidator.zoneOf(request.entityTimezone());
        this.role = request.role();
        this.counts = request.affectedCounts();
        this.usTotal = total("US");
        this.euTotal = total("EU");
        this.canadaTotal = total("CA");
        this.outOfDateContacts = request.contactInfoOutOfDateCount() == null ? 0 : request.contactInfoOutOfDateCount();
        this.flags = request.entityFlags() == null || request.entityFlags().isEmpty()
                ? EnumSet.noneOf(EntityFlag.class) : EnumSet.copyOf(request.entityFlags());
        this.hold = request.lawEnforcementDelay() == null ? null
                : LawEnforcementHold.of(request.lawEnforcementDelay(), zone, catalog.lawEnforcementTerms());
        this.discoveryDate = DeadlineCalculator.localDate(request.discoveredAt().toInstant(), zone);
    }

    /** Residents of one code; for "US", "CA" (Canada) and "EU" the whole territory, with or without a sub-code. */
    long count(String code) {
        return switch (code) {
            case "US" -> usTotal;
            case "CA" -> canadaTotal;
            case "EU" -> euTotal;
            default -> counts.getOrDefault(code, 0);
        };
    }

    private long total(String prefix) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().equals(prefix) || e.getKey().startsWith(prefix + "-"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Codes under "US", "EU" or "CA" with anyone affected, sorted; asked by every expanding rule, so kept. */
    List<String> affectedCodes(String prefix) {
        return affectedCodes.computeIfAbsent(prefix, p -> counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(p + "-") && e.getValue() > 0)
                .map(Map.Entry::getKey).sorted().toList());
    }

    /** Each clock start is read many times per plan (one rule after another); compute it once. */
    StartPoint start(ClockStart start) {
        return starts.computeIfAbsent(start, this::computeStart);
    }

    private StartPoint computeStart(ClockStart start) {
        var discovery = new StartPoint("discovery", request.discoveredAt().toInstant());
        return switch (start) {
            case DISCOVERY -> discovery;
            // The agency of a business associate is a required fact, so both read it as stated (PLAN-API.md, readings settled).
            case WORKFORCE_KNOWLEDGE, WORKFORCE_KNOWLEDGE_AS_STATED -> earliest(workforceCandidates(discovery));
            case DETERMINATION -> request.stateDeterminationAt() == null
                    ? new StartPoint("discovery (no determination date given, C7)", discovery.instant())
                    : new StartPoint("determination", request.stateDeterminationAt().toInstant());
            case AWARENESS -> gdprAwareness()
                    .map(aware -> earliest(List.of(discovery, new StartPoint("awareness", aware))))
                    .orElse(new StartPoint("awareness (taken as discovery, G2)", discovery.instant()));
            case AWARENESS_AS_STATED -> gdprAwareness()
                    .map(aware -> new StartPoint("stated awareness", aware))
                    .orElse(new StartPoint("awareness (taken as discovery, G2)", discovery.instant()));
            case NOTICE_SENT, END_OF_CALENDAR_YEAR ->
                    throw new IllegalArgumentException(start + " is not a point in time of the incident");
        };
    }

    /**
     * H5/H12: the first day any workforce member or agent knew. A business associate's knowledge counts from its own
     * discovery when it is the covered entity's agent, from its notice when independent (A.7.9, settled by the input).
     */
    private List<StartPoint> workforceCandidates(StartPoint discovery) {
        List<StartPoint> candidates = new ArrayList<>();
        candidates.add(discovery);
        if (request.firstKnownToWorkforceAt() != null) {
            candidates.add(new StartPoint("first known to a workforce member or agent (164.404(a)(2))",
                    request.firstKnownToWorkforceAt().toInstant()));
        }
        var ba = request.businessAssociate();
        if (ba != null && role == Role.COVERED_ENTITY) {
            if (ba.agentOfCoveredEntity()) {
                candidates.add(new StartPoint("discovery by the business associate, an agent of the covered entity (164.404(a)(2))",
                        ba.discoveredAt().toInstant()));
            } else {
                candidates.add(new StartPoint("notice from the independent business associate (164.410)",
                        ba.notifiedCoveredEntityAt().toInstant()));
            }
        }
        return candidates;
    }

    private static StartPoint earliest(List<StartPoint> candidates) {
        StartPoint best = candidates.get(0);
        for (StartPoint candidate : candidates) {
            if (candidate.instant().isBefore(best.instant())) {
                best = candidate;
            }
        }
        return best;
    }

    /** The earliest instant any clock of this incident can start from; no deadline may precede it. */
    Instant earliestKnowledge() {
        return List.of(start(ClockStart.WORKFORCE_KNOWLEDGE), start(ClockStart.AWARENESS), start(ClockStart.DISCOVERY))
                .stream().map(StartPoint::instant).min(Instant::compareTo).orElseThrow();
    }

    boolean supplies(Rule.SettledBy field) {
        return switch (field) {
            case STATE_DETERMINATION_AT -> request.stateDeterminationAt() != null;
            case GDPR_AWARENESS_AT -> request.gdpr() != null && request.gdpr().awarenessAt() != null;
        };
    }

    LocalDate localDate(Instant instant) {
        return DeadlineCalculator.localDate(instant, zone);
    }

    OffsetDateTime inZone(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    // --- HIPAA (H2-H4)

    boolean isHipaaEntity() {
        return role.isHipaaEntity();
    }

    boolean encryptedWithKeySafe() {
        return Boolean.TRUE.equals(request.encryptedNistSafeHarbor()) && !Boolean.TRUE.equals(request.encryptionKeyCompromised());
    }

    boolean safeHarborLostWithKey() {
        return Boolean.TRUE.equals(request.encryptedNistSafeHarbor()) && Boolean.TRUE.equals(request.encryptionKeyCompromised());
    }

    boolean lowProbabilityOfCompromise() {
        return request.riskAssessmentConclusion() == RiskAssessmentConclusion.LOW_PROBABILITY_OF_COMPROMISE;
    }

    // --- a state's own definition (PLAN-API.md, "Each regime decides by its own definition")

    /**
     * The facts of 164.402(1)(i) and (ii), good-faith acquisition or disclosure within the entity's own workforce,
     * are the facts of the states' good-faith employee or agent exclusion; (iii) has no state counterpart.
     */
    boolean goodFaithAcquisitionByWorkforce() {
        String exception = request.hipaaBreachException();
        return "164.402(1)(i)".equals(exception) || "164.402(1)(ii)".equals(exception);
    }

    boolean accessWithoutAcquisition() {
        return Boolean.TRUE.equals(request.accessWithoutAcquisition());
    }

    boolean noHarmDeterminedIn(String jurisdiction) {
        return request.stateNoHarmDeterminations() != null && request.stateNoHarmDeterminations().contains(jurisdiction);
    }

    boolean encrypted() {
        return Boolean.TRUE.equals(request.encryptedNistSafeHarbor());
    }

    boolean keyCompromised() {
        return Boolean.TRUE.equals(request.encryptionKeyCompromised());
    }

    // --- GDPR / UK GDPR (G1-G9)

    private Optional<Instant> gdprAwareness() {
        return Optional.ofNullable(request.gdpr()).map(PlanRequest.Gdpr::awarenessAt).map(OffsetDateTime::toInstant);
    }

    boolean gdprApplies() {
        return euTotal > 0 || (request.gdpr() != null && request.gdpr().regime() == GdprRegime.GDPR);
    }

    boolean ukGdprApplies() {
        return count("UK") > 0 || (request.gdpr() != null && request.gdpr().regime() == GdprRegime.UK_GDPR);
    }

    GdprRole gdprRole() {
        return request.gdpr() == null || request.gdpr().role() == null ? GdprRole.CONTROLLER : request.gdpr().role();
    }

    /** Unassessed risk is treated as high until assessed: the conservative reading of Arts 33(1) and 34(1). */
    RiskLevel gdprRiskLevel() {
        return request.gdpr() == null || request.gdpr().riskLevel() == null ? RiskLevel.HIGH : request.gdpr().riskLevel();
    }

    boolean gdprRiskAssessed() {
        return request.gdpr() != null && request.gdpr().riskLevel() != null;
    }

    /** Art. 34(3): as supplied, else (a) when the data was encrypted and the key is safe, else "none". */
    String art34Exception() {
        if (request.gdpr() != null && request.gdpr().art34Exception() != null) {
            return request.gdpr().art34Exception();
        }
        return encryptedWithKeySafe() ? "34(3)(a)" : "none";
    }

    /** The main establishment in the EU (one-stop-shop); a UK GDPR controller's "UK" is none for the EU. */
    Optional<String> mainEstablishment() {
        return Optional.ofNullable(request.gdpr()).filter(g -> g.regime() == GdprRegime.GDPR)
                .map(PlanRequest.Gdpr::mainEstablishment);
    }

    /** C6: the earliest matching notice already sent (the earliest gives the earliest relative deadline). */
    Optional<Instant> sentAt(String recipient, String jurisdiction) {
        if (request.sentNotices() == null) {
            return Optional.empty();
        }
        return request.sentNotices().stream()
                .filter(n -> n.recipient().equals(recipient) && n.jurisdiction().equals(jurisdiction))
                .map(n -> n.sentAt().toInstant())
                .min(Instant::compareTo);
    }
}
