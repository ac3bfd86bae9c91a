package org.vigil.risk;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.risk.RiskApi.AssessmentDetail;
import org.vigil.risk.RiskApi.AssessmentStarted;
import org.vigil.risk.RiskApi.AssessmentView;
import org.vigil.risk.RiskApi.AssetView;
import org.vigil.risk.RiskApi.NewAsset;
import org.vigil.risk.RiskApi.RiskDetail;
import org.vigil.risk.RiskApi.RiskView;

/**
 * {@code /api/risk/assets}, {@code /api/risks}, {@code /api/risk/assessments}: the register and its assessments for
 * the CISO, managers, auditors and administrators; assets added by the CISO; an assessment started by the CISO. HTTP
 * Basic (platform); who may do what is checked here against the caller's groups.
 */
@RestController
class RiskController {

    static final Set<String> READERS = Set.of("ciso", "managers", "auditors", "camunda-admin");
    static final Set<String> ASSET_EDITORS = Set.of("ciso", "camunda-admin");

    private final RiskRegister register;
    private final RiskAssessments assessments;

    RiskController(RiskRegister register, RiskAssessments assessments) {
        this.register = register;
        this.assessments = assessments;
    }

    /** {@code scope}: "all" (the default), "high-priority", or a list of asset ids. */
    record StartRequest(Object scope) {}

    @GetMapping("/api/risk/assets")
    List<AssetView> assets(Authentication caller) {
        requireAny(caller, READERS, "read the risk register");
        return register.assets();
    }

    @PostMapping("/api/risk/assets")
    ResponseEntity<AssetView> addAsset(@Valid @RequestBody NewAsset asset, Authentication caller) {
        requireAny(caller, ASSET_EDITORS, "add assets to the risk register");
        var added = register.add(asset, caller.getName());
        return ResponseEntity.created(URI.create("/api/risk/assets/" + added.id())).body(added);
    }

    @GetMapping("/api/risks")
    List<RiskView> risks(Authentication caller) {
        requireAny(caller, READERS, "read the risk register");
        return register.risks();
    }

    @GetMapping("/api/risks/{id}")
    RiskDetail risk(@PathVariable long id, Authentication caller) {
        requireAny(caller, READERS, "read the risk register");
        return register.risk(id);
    }

    @PostMapping("/api/risk/assessments")
    ResponseEntity<AssessmentStarted> start(@RequestBody(required = false) StartRequest request, Authentication caller) {
        // Who may start is the start right of seeds/identity (risk-assessment: ciso), checked by request.
        var started = assessments.request(caller.getName(), request == null ? null : request.scope());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
    }

    @GetMapping("/api/risk/assessments")
    List<AssessmentView> assessments(Authentication caller) {
        requireAny(caller, READERS, "read risk assessments");
        return assessments.assessments();
    }

    @GetMapping("/api/risk/assessments/{id}")
    AssessmentDetail assessment(@PathVariable long id, Authentication caller) {
        requireAny(caller, READERS, "read risk assessments");
        return assessments.detail(id);
    }

    private static void requireAny(Authentication caller, Set<String> groups, String what) {
        if (caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(groups::contains)) {
            throw new RiskRefusedException("Only members of " + String.join(", ", new java.util.TreeSet<>(groups)) + " may " + what);
        }
    }
}
