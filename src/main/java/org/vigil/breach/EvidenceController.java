package org.vigil.breach;

import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evidence files of an incident: containment logs, screenshots, a police report, proof of dispatch. The same
 * endpoints serve the API, the notices page and the evidence page ({@code /evidence?incident=ID}), where IT operations
 * attach what they collected while containing the incident.
 */
@RestController
class EvidenceController {

    /** The evidence page's paths, behind the pages' login form (session and CSRF token). */
    static final String PAGE = "/evidence";

    private static final Set<String> ATTACHERS = Set.of("privacy-office", "it-operations", "ciso");
    private static final Set<String> READERS = Set.of("privacy-office", "it-operations", "ciso", "auditors");

    private final IncidentEvidence evidence;
    private final Incidents incidents;

    EvidenceController(IncidentEvidence evidence, Incidents incidents) {
        this.evidence = evidence;
        this.incidents = incidents;
    }

    @PostMapping(path = {"/api/incidents/{id}/evidence", NoticeController.PAGE + "/incidents/{id}/evidence", PAGE + "/incidents/{id}/files"},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IncidentEvidence.EvidenceView> attach(@PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @Size(max = 16_000) String note, @RequestParam(required = false) Long obligationId, Authentication caller)
            throws IOException {
        requireIncident(id, caller, ATTACHERS);
        incidents.requireOpen(id);
        if (file.isEmpty()) {
            throw new IllegalArgumentException("Part file is empty");
        }
        if (obligationId != null && !evidence.isObligationOf(id, obligationId)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "obligationId names no obligation of this incident");
            problem.setTitle("Invalid request");
            problem.setProperty("field", "obligationId");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        // The name is stored encrypted in TEXT, the type as it is in VARCHAR(200) (V005__incident_evidence.sql).
        if (file.getOriginalFilename() != null && file.getOriginalFilename().length() > 255) {
            throw new IllegalArgumentException("Part file: its file name is longer than 255 characters");
        }
        if (file.getContentType() != null && file.getContentType().length() > 200) {
            throw new IllegalArgumentException("Part file: its content type is longer than 200 characters");
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "evidence" : file.getOriginalFilename();
        String type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType();
        var added = evidence.add(id, obligationId, name, type, file.getBytes(), note, caller.getName());
        return ResponseEntity.created(URI.create("/api/incidents/" + id + "/evidence/" + added.id())).body(added);
    }

    @GetMapping({"/api/incidents/{id}/evidence", NoticeController.PAGE + "/incidents/{id}/evidence", PAGE + "/incidents/{id}/files"})
    List<IncidentEvidence.EvidenceView> list(@PathVariable long id, Authentication caller) {
        requireIncident(id, caller, READERS);
        return evidence.list(id);
    }

    @GetMapping({"/api/incidents/{id}/evidence/{evidenceId}", NoticeController.PAGE + "/incidents/{id}/evidence/{evidenceId}",
            PAGE + "/incidents/{id}/files/{evidenceId}"})
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long evidenceId, Authentication caller) {
        requireIncident(id, caller, READERS);
        var file = evidence.file(id, evidenceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                // Served as a download, never rendered here: an uploaded HTML file must not run in Vigil's origin.
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.view().fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SHA256", file.view().sha256())
                .body(file.content());
    }

    /**
     * The evidence page's header: the incident's number and status, whether it still takes files, and the CSRF token;
     * not its title or description, which IT operations do not need to contain it.
     */
    @GetMapping(PAGE + "/incidents/{id}")
    Map<String, Object> incident(@PathVariable long id, Authentication caller, CsrfToken csrf) {
        requireIncident(id, caller, READERS);
        var groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        var incident = incidents.require(id);
        return Map.of("id", id, "status", incident.status().name(), "closed", incident.isClosed(),
                "mayAttach", groups.stream().anyMatch(ATTACHERS::contains),
                "csrf", Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()));
    }

    private void requireIncident(long id, Authentication caller, Set<String> allowed) {
        var groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        if (groups.stream().noneMatch(allowed::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only " + String.join(", ", allowed.stream().sorted().toList()) + " may do this");
        }
        // The groups above work on every incident (IT operations contains any of them), so existence is all that is left.
        try {
            incidents.require(id);
        } catch (RuntimeException missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
