package org.vigil.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vigil.audit.AuditApi.AuditDetail;
import org.vigil.audit.AuditApi.AuditView;
import org.vigil.audit.AuditApi.ChecklistEdit;
import org.vigil.audit.AuditApi.ChecklistEntry;
import org.vigil.audit.AuditApi.EvidenceView;

/**
 * {@code /api/audits}: the CISO's start, the audits and their records for auditors, the CISO and managers, checklist
 * edits and evidence files for auditors, report versions, and the closed audit's evidence ZIP. HTTP Basic (platform);
 * who may do what is checked here against the caller's groups.
 */
@RestController
@RequestMapping("/api/audits")
class AuditController {

    static final Set<String> READERS = Set.of("auditors", "ciso", "managers", "camunda-admin");
    static final Set<String> AUDITORS = Set.of("auditors", "camunda-admin");
    static final Set<String> PACK_READERS = Set.of("auditors", "ciso", "camunda-admin");

    private final Audits audits;
    private final AuditReports reports;
    private final AuditEvidencePack pack;

    AuditController(Audits audits, AuditReports reports, AuditEvidencePack pack) {
        this.audits = audits;
        this.reports = reports;
        this.pack = pack;
    }

    /** {@code kind}: comprehensive, focused or ad-hoc (the default); {@code areas}: the scope, required for ad-hoc. */
    record StartRequest(@Size(max = 20) String kind, @Size(max = 50) List<@NotNull @Size(max = 64) String> areas) {}

    record Started(String processInstanceId) {}

    @PostMapping
    ResponseEntity<Started> start(@Valid @RequestBody(required = false) StartRequest request, Authentication caller) {
        // Who may start is the start right of seeds/identity (internal-audit: ciso), checked by requestAudit.
        String started = audits.requestAudit(caller.getName(), request == null ? null : request.kind(),
                request == null ? null : request.areas());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(started));
    }

    @GetMapping
    List<AuditView> audits(Authentication caller) {
        requireAny(caller, READERS, "read audits");
        return audits.audits();
    }

    @GetMapping("/{id}")
    AuditDetail audit(@PathVariable long id, Authentication caller) {
        requireAny(caller, READERS, "read audits");
        return audits.detail(id);
    }

    @PutMapping("/{id}/checklist")
    List<ChecklistEntry> editChecklist(@PathVariable long id, @RequestBody @Size(max = 1000) List<@NotNull ChecklistEdit> edits,
            Authentication caller) {
        requireAny(caller, AUDITORS, "edit an audit's checklist");
        return audits.editChecklistThroughApi(id, edits);
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<EvidenceView> addEvidence(@PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @Size(max = 32) String questionId, Authentication caller) throws IOException {
        requireAny(caller, AUDITORS, "attach evidence to an audit");
        if (file.getOriginalFilename() != null && file.getOriginalFilename().length() > 255) {
            throw new IllegalArgumentException("file: its file name is longer than 255 characters");
        }
        if (file.getContentType() != null && file.getContentType().length() > 200) {
            throw new IllegalArgumentException("file: its content type is longer than 200 characters");
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "evidence" : file.getOriginalFilename();
        String type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType();
        var added = audits.addEvidence(id, questionId, name, type, file.getBytes(), caller.getName());
        return ResponseEntity.created(URI.create("/api/audits/" + id + "/evidence/" + added.id())).body(added);
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId, Authentication caller) {
        requireAny(caller, READERS, "read an audit's evidence");
        var view = audits.detail(id).evidence().stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new NoSuchAuditException(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(AuditEvidencePack.safe(view.fileName())).build().toString())
                .body(audits.evidenceContent(id, evidenceId));
    }

    /** A report version, HTML; auditors, the CISO, managers, and the groups owning the audit's findings (the auditees). */
    @GetMapping("/{id}/reports/{version}.html")
    ResponseEntity<String> reportHtml(@PathVariable long id, @PathVariable int version, Authentication caller) {
        requireReportReader(id, caller);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(reports.html(id, requireVersion(id, version)));
    }

    @GetMapping("/{id}/reports/{version}.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id, @PathVariable int version, Authentication caller) {
        requireReportReader(id, caller);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("audit-" + id + "-report-v" + version + ".pdf").build().toString())
                .body(reports.pdf(id, requireVersion(id, version)));
    }

    /** The closed audit's evidence file; 409 while it is open. */
    @GetMapping("/{id}/evidence.zip")
    ResponseEntity<byte[]> evidenceZip(@PathVariable long id, Authentication caller) {
        requireAny(caller, PACK_READERS, "download an audit's evidence file");
        byte[] zip = pack.zip(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit-" + id + ".zip").build().toString())
                .body(zip);
    }

    private int requireVersion(long id, int version) {
        if (audits.detail(id).reports().stream().noneMatch(r -> r.version() == version)) {
            throw new IllegalArgumentException("version: audit " + id + " has no report version " + version);
        }
        return version;
    }

    private void requireReportReader(long id, Authentication caller) {
        if (hasAny(caller, READERS)) {
            return;
        }
        if (!hasAny(caller, Set.copyOf(audits.auditeeGroupsOf(id)))) {
            throw new AuditRefusedException(AuditRefusedException.Kind.FORBIDDEN,
                    "Only auditors, the CISO, managers and the groups owning the audit's findings read its reports");
        }
    }

    private static void requireAny(Authentication caller, Set<String> groups, String what) {
        if (!hasAny(caller, groups)) {
            throw new AuditRefusedException(AuditRefusedException.Kind.FORBIDDEN,
                    "Only members of " + String.join(", ", new java.util.TreeSet<>(groups)) + " may " + what);
        }
    }

    private static boolean hasAny(Authentication caller, Set<String> groups) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(groups::contains);
    }
}
