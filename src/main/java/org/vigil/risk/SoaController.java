package org.vigil.risk;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/risk/soa}: the Statement of Applicability for the CISO, managers, auditors and administrators; its
 * versions with their documents (the PDF stored at the sign-off, so a download's SHA-256 equals the listed one); the
 * CISO's edit of a control. HTTP Basic (platform); who may do what is checked by {@link StatementOfApplicability}.
 */
@RestController
@RequestMapping("/api/risk/soa")
class SoaController {

    private final StatementOfApplicability soa;

    SoaController(StatementOfApplicability soa) {
        this.soa = soa;
    }

    @GetMapping
    Soa.Current current(Authentication caller) {
        StatementOfApplicability.requireReader(groups(caller));
        return soa.current();
    }

    @PutMapping("/{controlId}")
    Soa.Control edit(@PathVariable String controlId, @RequestBody(required = false) Soa.Edit edit, Authentication caller) {
        return soa.edit(controlId, edit, caller.getName(), groups(caller));
    }

    @GetMapping("/document.html")
    ResponseEntity<String> currentHtml(Authentication caller) {
        StatementOfApplicability.requireReader(groups(caller));
        return html(soa.currentHtml());
    }

    @GetMapping("/document.pdf")
    ResponseEntity<byte[]> currentPdf(Authentication caller) {
        StatementOfApplicability.requireReader(groups(caller));
        return pdf(soa.pdfOf(soa.currentHtml()), "statement-of-applicability-current.pdf");
    }

    @GetMapping("/versions")
    List<Soa.Version> versions(Authentication caller) {
        StatementOfApplicability.requireReader(groups(caller));
        return soa.versions();
    }

    @GetMapping("/versions/{version}")
    Soa.VersionDetail version(@PathVariable int version, Authentication caller) {
        StatementOfApplicability.requireReader(groups(caller));
        return soa.version(version);
    }

    @GetMapping("/versions/{version}/document.html")
    ResponseEntity<String> versionHtml(@PathVariable int version, Authentication caller) {
        StatementOfApplicability.requireReader(groups(caller));
        return html(soa.versionHtml(version));
    }

    @GetMapping("/versions/{version}/document.pdf")
    ResponseEntity<byte[]> versionPdf(@PathVariable int version, Authentication caller) {
        StatementOfApplicability.requireReader(groups(caller));
        return pdf(soa.versionPdf(version), "statement-of-applicability-v" + version + ".pdf");
    }

    static ResponseEntity<String> html(String html) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(pdf);
    }

    static Set<String> groups(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
