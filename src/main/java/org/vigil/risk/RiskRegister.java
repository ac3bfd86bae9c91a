package org.vigil.risk;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.risk.RiskApi.AssetView;
import org.vigil.risk.RiskApi.NewAsset;
import org.vigil.risk.RiskApi.RiskDetail;
import org.vigil.risk.RiskApi.RiskView;

/**
 * The register: assets (the access-review register's PHI systems, mirrored from its events, and others the CISO adds)
 * and their risks, one per asset and threat. An asset is high priority when its classification is one of the
 * criteria's {@code highPriorityClassifications}; it owns its risks by default.
 */
@Service
public class RiskRegister {

    static final String SOURCE_REGISTER = "register";
    static final String SOURCE_CISO = "ciso";

    private final RiskStore store;
    private final RiskCriteria criteria;
    private final ThreatCatalog threats;
    private final Clock clock;

    RiskRegister(RiskStore store, RiskCriteria criteria, ThreatCatalog threats, Clock clock) {
        this.store = store;
        this.criteria = criteria;
        this.threats = threats;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AssetView> assets() {
        return store.assets();
    }

    @Transactional(readOnly = true)
    public Optional<AssetView> asset(String id) {
        return store.asset(id);
    }

    String priorityOf(String classification) {
        return criteria.highPriorityClassifications().contains(classification) ? "high" : "normal";
    }

    /** A PHI system of the access-review register as it now stands: added to the register, or its entry brought up to date. */
    @Transactional
    public boolean mirror(String systemId, String name, String ownerId, String classification) {
        var existing = store.asset(systemId);
        if (existing.isEmpty()) {
            store.insertAsset(new AssetView(systemId, name, classification, true, priorityOf(classification), ownerId,
                    SOURCE_REGISTER, clock.instant(), org.vigil.platform.Actors.VIGIL, null, null));
            return true;
        }
        store.updateAsset(systemId, name, classification, true, priorityOf(classification), ownerId);
        return false;
    }

    /** The CISO's asset: any classification; PHI when it is one of the register's phi-* classifications. */
    @Transactional
    public AssetView add(NewAsset asset, String by) {
        requireText(asset.id(), "id", 64);
        if (!asset.id().matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("id: lower-case letters, digits, '.', '_' or '-'");
        }
        requireText(asset.name(), "name", 200);
        requireText(asset.owner(), "owner", 64);
        requireText(asset.classification(), "classification", 40);
        if (!ThreatCatalog.CLASSIFICATIONS.contains(asset.classification())) {
            throw new IllegalArgumentException("classification: must be one of " + String.join(", ", ThreatCatalog.CLASSIFICATIONS));
        }
        if (store.asset(asset.id()).isPresent()) {
            throw new org.vigil.platform.StateConflict("Asset exists", "asset " + asset.id() + " is in the register already",
                    java.util.Map.of("assetId", asset.id()));
        }
        var view = new AssetView(asset.id(), asset.name().strip(), asset.classification(), asset.classification().startsWith("phi-"),
                priorityOf(asset.classification()), asset.owner().strip(), SOURCE_CISO, clock.instant(), by, null, null);
        store.insertAsset(view);
        return view;
    }

    @Transactional(readOnly = true)
    public List<RiskView> risks() {
        return store.risks().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public RiskDetail risk(long id) {
        var row = store.risk(id).orElseThrow(() -> new NoSuchRiskRecordException("Risk " + id));
        var impact = new java.util.LinkedHashMap<String, Integer>();
        impact.put("confidentiality", row.confidentiality());
        impact.put("integrity", row.integrity());
        impact.put("availability", row.availability());
        impact.put("patient-safety", row.patientSafety());
        return new RiskDetail(view(row), impact, row.description(), row.acceptanceNote(), store.actionsOf(id));
    }

    RiskView view(RiskStore.RiskRow r) {
        return new RiskView(r.id(), r.assetId(), r.threatId(), threats.threat(r.threatId()).map(ThreatCatalog.Threat::name).orElse(r.threatId()),
                r.ownerId(), r.inherentLikelihood(), r.inherentImpact(), r.inherentRating(),
                r.inherentRating() == null ? null : criteria.bandOf(r.inherentRating()), r.residualLikelihood(), r.residualImpact(),
                r.residualRating(), r.residualRating() == null ? null : criteria.bandOf(r.residualRating()), r.treatment(), r.status(),
                r.acceptedBy(), r.acceptedAt(), r.lastAssessmentId(), r.identifiedAt(), r.assessedAt(), store.controlsOf(r.id()));
    }

    static void requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + ": longer than " + max + " characters");
        }
    }
}
