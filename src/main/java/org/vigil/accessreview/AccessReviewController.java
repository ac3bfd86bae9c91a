package org.vigil.accessreview;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.accessreview.AccessReviewApi.BulkDecision;
import org.vigil.accessreview.AccessReviewApi.CampaignFigures;
import org.vigil.accessreview.AccessReviewApi.DecisionInput;
import org.vigil.accessreview.AccessReviewApi.ImportResult;
import org.vigil.accessreview.AccessReviewApi.PhiSystem;
import org.vigil.accessreview.AccessReviewApi.ReviewItem;

/**
 * {@code /api/access-reviews}: the register, snapshot imports, manual start, decisions, the report and the figures.
 * HTTP Basic (platform); who may do what is checked here against the caller's groups.
 */
@RestController
@RequestMapping("/api/access-reviews")
class AccessReviewController {

    static final List<String> REGISTER_EDITORS = List.of("ciso", "camunda-admin");
    static final List<String> IMPORTERS = List.of("it-operations", "ciso", "camunda-admin");
    /** Who removes revoked access (access-revocation.bpmn's Task_Deprovision). */
    static final String DEPROVISIONERS = "it-operations";
    static final List<String> READERS = List.of("auditors", "ciso", "managers", "camunda-admin");

    private final PhiSystemRegister register;
    private final SnapshotImports imports;
    private final ReviewCampaigns campaigns;
    private final ReviewDecisions decisions;
    private final CampaignClosing closing;
    private final ReviewFigures figures;

    AccessReviewController(PhiSystemRegister register, SnapshotImports imports, ReviewCampaigns campaigns,
            ReviewDecisions decisions, CampaignClosing closing, ReviewFigures figures) {
        this.register = register;
        this.imports = imports;
        this.campaigns = campaigns;
        this.decisions = decisions;
        this.closing = closing;
        this.figures = figures;
    }

    record StartRequest(Boolean changesOnly, @Size(max = 500) List<@NotNull @Size(max = 64) String> systems) {}

    record Started(String processInstanceId) {}

    record DecisionRequest(@Size(max = 10_000) List<@NotNull @Valid DecisionInput> decisions, @Valid BulkDecision bulk) {}

    @GetMapping("/systems")
    List<PhiSystem> systems() {
        return register.systems();
    }

    @PutMapping("/systems/{id}")
    PhiSystem saveSystem(@PathVariable @Size(max = 64) String id, @Valid @RequestBody PhiSystem system, Authentication caller) {
        requireAny(caller, REGISTER_EDITORS, "edit the register of PHI systems");
        if (system.id() != null && !system.id().equals(id)) {
            throw new IllegalArgumentException("id: the body's id differs from the path's");
        }
        return register.saveSystem(new PhiSystem(id, system.name(), system.owner(), system.deputy(), system.classification()),
                caller.getName());
    }

    /** CSV ({@code text/csv}, header line first) or JSON; {@code kind=entitlements} (default) or {@code roster}. */
    @PostMapping(value = "/snapshots", consumes = {"text/csv", "text/plain", "application/json"})
    ResponseEntity<ImportResult> importSnapshot(@RequestParam(defaultValue = "entitlements") String kind,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody byte[] body, Authentication caller) {
        requireAny(caller, IMPORTERS, "import snapshots");
        var result = imports.importSnapshot(SnapshotKind.parse(kind), contentType, body, "api", caller.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    @PostMapping("/campaigns")
    ResponseEntity<Started> start(@Valid @RequestBody(required = false) StartRequest request, Authentication caller) {
        // Who may start is the start right of seeds/identity (checked by requestCampaign), not a list here.
        var started = campaigns.requestCampaign(caller.getName(), request != null && Boolean.TRUE.equals(request.changesOnly()),
                request == null ? null : request.systems());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(started));
    }

    @GetMapping("/campaigns")
    List<CampaignFigures> campaigns(Authentication caller) {
        requireAny(caller, READERS, "read campaigns");
        return figures.figures();
    }

    @GetMapping("/campaigns/{id}")
    CampaignFigures campaign(@PathVariable long id, Authentication caller) {
        requireAny(caller, READERS, "read campaigns");
        return figures.figures(id);
    }

    /**
     * A reviewer's own items; auditors, the CISO and administrators may read them all; IT operations reads the revoked
     * ones, which it removes.
     */
    @GetMapping("/campaigns/{id}/items")
    List<ReviewItem> items(@PathVariable long id, @RequestParam(required = false) String reviewer, Authentication caller) {
        boolean readsAll = hasAny(caller, List.of("auditors", "ciso", "camunda-admin"));
        if (reviewer == null && !readsAll && hasAny(caller, List.of(DEPROVISIONERS))) {
            return decisions.revokedItems(id);
        }
        String who = reviewer == null ? (readsAll ? null : caller.getName()) : reviewer;
        if (who != null && !who.equals(caller.getName()) && !readsAll) {
            throw new ReviewRefusedException(ReviewRefusedException.Kind.FORBIDDEN, "Only auditors and the CISO read other reviewers' items");
        }
        return decisions.items(id, who);
    }

    @PostMapping("/campaigns/{id}/decisions")
    Map<String, Integer> decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request, Authentication caller) {
        return Map.of("applied", decisions.decide(id, caller.getName(), request.decisions(), request.bulk()));
    }

    /** The closed campaign's report, for auditors; {@code ?download=true} as an attachment. */
    @GetMapping("/campaigns/{id}/report")
    ResponseEntity<String> report(@PathVariable long id, @RequestParam(defaultValue = "false") boolean download,
            Authentication caller) {
        requireAny(caller, READERS, "read campaign reports");
        var response = ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8));
        if (download) {
            response.header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename("access-review-" + id + ".html").build().toString());
        }
        return response.body(closing.report(id));
    }

    private static void requireAny(Authentication caller, List<String> groups, String what) {
        if (!hasAny(caller, groups)) {
            throw new ReviewRefusedException(ReviewRefusedException.Kind.FORBIDDEN,
                    "Only members of " + String.join(", ", groups) + " may " + what);
        }
    }

    private static boolean hasAny(Authentication caller, List<String> groups) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(groups::contains);
    }

}
