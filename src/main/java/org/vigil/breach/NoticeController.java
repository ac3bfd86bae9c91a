package org.vigil.breach;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.input.BOMInputStream;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.documents.DocumentKind;
import org.vigil.documents.Documents;
import org.vigil.documents.IndividualCounts;
import org.vigil.documents.InvalidAffectedIndividualsException;
import org.vigil.documents.LetterBatchView;
import org.vigil.documents.LettersPurgedException;
import org.vigil.documents.MissingFactsException;

/**
 * The documents of a breach over HTTP: the list of affected individuals (CSV upload, counts back), the preview of
 * each obligation's notice in HTML or PDF, and the letter batch of a notice to individuals with its archive.
 */
@RestController
class NoticeController {

    /** The same endpoints for the notices page, behind its login form (session and CSRF token) instead of HTTP Basic. */
    static final String PAGE = "/notices";
    private static final List<String> READERS = List.of("privacy-office", "ciso", "auditors");
    private static final List<String> WRITERS = List.of("privacy-office");

    private final NoticeDocuments notices;
    private final Documents documents;
    private final Incidents incidents;
    private final Replanning replanning;
    private final ObligationCards cards;

    NoticeController(NoticeDocuments notices, Documents documents, Incidents incidents, Replanning replanning, ObligationCards cards) {
        this.cards = cards;
        this.notices = notices;
        this.documents = documents;
        this.incidents = incidents;
        this.replanning = replanning;
    }

    /**
     * Replaces the incident's list: all rows good or none stored. CSV as the body or as the multipart part "file";
     * {@code complete=true} when the list names everyone affected (only then may it lower the estimate). The incident
     * is planned again once a plan exists.
     */
    @PostMapping(path = "/api/incidents/{id}/affected-individuals", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    IndividualCounts upload(@PathVariable long id, @RequestBody String csv, @RequestParam(defaultValue = "false") boolean complete,
            Authentication caller) {
        // Spreadsheet programs save "CSV UTF-8" with a byte order mark, which is no part of the header.
        return importList(id, new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv), complete, caller);
    }

    @PostMapping(path = {"/api/incidents/{id}/affected-individuals", PAGE + "/incidents/{id}/affected-individuals"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    IndividualCounts uploadFile(@PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean complete, Authentication caller) throws IOException {
        try (var reader = new InputStreamReader(BOMInputStream.builder().setInputStream(file.getInputStream()).get(), StandardCharsets.UTF_8)) {
            return importList(id, reader, complete, caller);
        }
    }

    @GetMapping({"/api/incidents/{id}/affected-individuals", PAGE + "/incidents/{id}/affected-individuals"})
    IndividualCounts counts(@PathVariable long id, Authentication caller) {
        requireIncident(id, caller, READERS);
        return documents.affectedCounts(NoticeDocuments.listOf(id));
    }

    /** Plans again from the current facts, after the list of the affected was uploaded or corrected. */
    @PostMapping({"/api/incidents/{id}/replan", PAGE + "/incidents/{id}/replan"})
    Replanning.Replanned replan(@PathVariable long id, Authentication caller) {
        requireOpenIncident(id, caller);
        return replanning.replan(id, new Obligations.PlanChange("planned again by hand", caller.getName()));
    }

    /** Facts learnt after the investigation (counts, determination date, ...): stored, then the plan again. */
    @PostMapping({"/api/incidents/{id}/facts", PAGE + "/incidents/{id}/facts"})
    Replanning.Replanned updateFacts(@PathVariable long id, @jakarta.validation.Valid @RequestBody FactsUpdate update, Authentication caller) {
        update.requireOnlyKnownFields();
        requireOpenIncident(id, caller);
        return replanning.update(id, update, caller.getName());
    }

    /** The notice as it would go out now; {@code kind} picks the substitute or alternative notice of an individual notice. */
    @GetMapping({"/api/obligations/{id}/notice", PAGE + "/obligations/{id}/notice"})
    ResponseEntity<byte[]> notice(@PathVariable long id, @RequestParam(defaultValue = "html") String format,
            @RequestParam(required = false) String kind, Authentication caller, jakarta.servlet.http.HttpServletRequest request) {
        var obligation = requireObligation(id, caller, READERS);
        DocumentKind document = kindOf(obligation, kind);
        var facts = notices.previewFacts(id, document);
        try {
            return render(id, format, document, facts);
        } catch (MissingFactsException e) {
            if (!org.vigil.platform.BrowserPages.wantsPage(request)) {
                throw e;
            }
            // A browser opening the preview gets a page in words; an API client keeps its 422 problem body.
            String page = NoticeGaps.notReadyPage(obligation.incidentId(), cards.recipient(obligation), NoticeGaps.of(e.kind(), e.missing()));
            return ResponseEntity.unprocessableEntity().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(page.getBytes(StandardCharsets.UTF_8));
        }
    }

    private ResponseEntity<byte[]> render(long id, String format, DocumentKind document, org.vigil.documents.NoticeFacts facts) {
        return switch (format) {
            case "html" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    // The preview is ours alone: no script runs in it, whatever the facts say.
                    .header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                    .body(documents.renderHtml(document, facts).getBytes(StandardCharsets.UTF_8));
            case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename(document.template() + "-obligation-" + id + ".pdf").build().toString())
                    .body(documents.renderPdf(document, facts));
            default -> throw new IllegalArgumentException("Parameter format must be html or pdf");
        };
    }

    /** What the notice still lacks, per document, before the privacy office approves it. */
    @GetMapping({"/api/obligations/{id}/notice/missing-facts", PAGE + "/obligations/{id}/notice/missing-facts"})
    Map<DocumentKind, List<String>> missingFacts(@PathVariable long id, Authentication caller) {
        var obligation = requireObligation(id, caller, READERS);
        var missing = new java.util.LinkedHashMap<DocumentKind, List<String>>();
        NoticeKinds.kindsFor(obligation).forEach(kind -> missing.put(kind, notices.missingFacts(id, kind)));
        return missing;
    }

    @PostMapping({"/api/obligations/{id}/letters", PAGE + "/obligations/{id}/letters"})
    ResponseEntity<LetterBatchView> startLetters(@PathVariable long id, Authentication caller) {
        incidents.requireOpen(requireObligation(id, caller, WRITERS).incidentId());
        var batch = notices.startLetters(id);
        return ResponseEntity.accepted().location(URI.create("/api/obligations/" + id + "/letters")).body(batch);
    }

    @GetMapping({"/api/obligations/{id}/letters", PAGE + "/obligations/{id}/letters"})
    LetterBatchView letters(@PathVariable long id, Authentication caller) {
        requireObligation(id, caller, READERS);
        return notices.letters(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No letters have been started for this obligation"));
    }

    /**
     * The print file: every letter and manifest.csv, decrypted as it streams to the privacy office; its SHA-256 is the
     * one the batch reports. 410 once it was purged after the dispatch.
     */
    @GetMapping({"/api/obligations/{id}/letters/archive", PAGE + "/obligations/{id}/letters/archive"})
    ResponseEntity<Resource> archive(@PathVariable long id, Authentication caller) throws IOException {
        requireObligation(id, caller, WRITERS);
        var batch = notices.letters(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No letters have been started for this obligation"));
        var archive = documents.openLetterArchive(batch.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "The letters are not ready: " + batch.done() + " of " + batch.total() + " done"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("letters-obligation-" + id + ".zip").build().toString())
                .header("X-Archive-SHA256", batch.archiveSha256())
                // Streamed, so the length is unknown: the converter closes the stream when the body is written.
                .body(new InputStreamResource(archive));
    }

    /** The notices page: the incident, its obligations with the documents each calls for, and their letters. */
    @GetMapping(PAGE + "/incidents/{id}")
    Map<String, Object> incident(@PathVariable long id, Authentication caller, CsrfToken csrf) {
        var view = incidents.view(id, caller.getName(), groups(caller)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        requireGroup(groups(caller), READERS);
        var obligations = view.obligations().stream().map(obligation -> {
            var kinds = NoticeKinds.kindsFor(obligation.ruleId(), obligation.recipient());
            var row = new java.util.LinkedHashMap<String, Object>();
            row.put("obligation", obligation);
            // In words for the privacy officer; the codes stay in "obligation" (shown in small print and titles).
            row.put("recipientName", cards.recipient(obligation.recipient(), obligation.jurisdiction()));
            row.put("place", RecipientNames.placeName(obligation.jurisdiction()));
            row.put("deadline", cards.withZone(obligation.targetDeadline()));
            row.put("documents", kinds.stream().map(DocumentKind::template).toList());
            // Each document with what it lacks: the page offers a preview only of a renderable one.
            row.put("notices", kinds.stream().map(kind -> NoticeGaps.of(kind, notices.missingFacts(obligation.id(), kind))).toList());
            row.put("letters", notices.letters(obligation.id()).orElse(null));
            return row;
        }).toList();
        var page = new java.util.LinkedHashMap<String, Object>(Map.of("id", view.id(), "title", view.title(), "status", view.status(),
                "obligations", obligations, "counts", documents.affectedCounts(NoticeDocuments.listOf(id)),
                "csrf", Map.of("header", csrf.getHeaderName(), "token", csrf.getToken())));
        // A closed incident is shown, not changed: the page says so and how it is reopened.
        boolean closed = IncidentStatus.CLOSED.name().equals(view.status());
        page.put("closed", closed);
        // An exercise's page says so above everything else; its letters are never made (NoticeDocuments#startLetters).
        page.put("exercise", view.exercise());
        page.put("zone", cards.zone().getId());
        if (closed) {
            page.put("closedAt", view.closedAt());
            page.put("closedAtInWords", cards.withZone(view.closedAt()));
            page.put("reopen", IncidentClosedException.reopenPath(id));
        }
        return page;
    }

    @ExceptionHandler(InvalidAffectedIndividualsException.class)
    ProblemDetail badList(InvalidAffectedIndividualsException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid list of affected individuals");
        problem.setProperty("problems", e.problems().stream()
                .map(p -> Map.of("line", p.line(), "column", p.column() == null ? "" : p.column(), "problem", p.problem())).toList());
        return problem;
    }

    @ExceptionHandler(LettersPurgedException.class)
    ProblemDetail purged(LettersPurgedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
        problem.setTitle("The print file was purged after the dispatch");
        problem.setProperty("purgedAt", e.purgedAt());
        problem.setProperty("archiveSha256", e.batch().archiveSha256());
        problem.setProperty("manifestSha256", e.batch().manifestSha256());
        return problem;
    }

    @ExceptionHandler(MissingFactsException.class)
    ProblemDetail missingFacts(MissingFactsException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "The notice cannot be rendered: " + e.inPlainWords() + ".");
        problem.setTitle("The notice lacks facts");
        problem.setProperty("missing", e.missing());
        return problem;
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not possible now");
        return problem;
    }

    private IndividualCounts importList(long id, Reader csv, boolean complete, Authentication caller) {
        requireOpenIncident(id, caller);
        var counts = notices.importList(id, csv);
        incidents.recordListCompleteness(id, complete);
        replanning.replanIfPlanned(id, new Obligations.PlanChange("a " + (complete ? "complete" : "partial") + " list of "
                + counts.total() + " people uploaded", caller.getName()));
        return counts;
    }

    private DocumentKind kindOf(Obligation obligation, String requested) {
        var kinds = NoticeKinds.kindsFor(obligation);
        if (requested == null || requested.isBlank()) {
            return kinds.get(0);
        }
        return kinds.stream().filter(kind -> kind.name().equalsIgnoreCase(requested) || kind.template().equals(requested)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Parameter kind must be one of " + kinds.stream().map(DocumentKind::template).toList()));
    }

    /** A change: by the privacy office, to an incident that is not closed (409 saying how to reopen it). */
    private void requireOpenIncident(long id, Authentication caller) {
        requireIncident(id, caller, WRITERS);
        incidents.requireOpen(id);
    }

    private void requireIncident(long id, Authentication caller, List<String> groups) {
        var callerGroups = groups(caller);
        if (incidents.view(id, caller.getName(), callerGroups).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        requireGroup(callerGroups, groups);
    }

    private Obligation requireObligation(long id, Authentication caller, List<String> groups) {
        requireGroup(groups(caller), groups);
        try {
            return notices.obligation(id);
        } catch (RuntimeException notFound) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static void requireGroup(Collection<String> callerGroups, List<String> allowed) {
        if (callerGroups.stream().noneMatch(allowed::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only " + String.join(", ", allowed) + " may do this");
        }
    }

    private static List<String> groups(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
