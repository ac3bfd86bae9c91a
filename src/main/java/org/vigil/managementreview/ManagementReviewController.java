package org.vigil.managementreview;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.managementreview.ManagementReviewApi.AmendmentView;
import org.vigil.managementreview.ManagementReviewApi.Comparison;
import org.vigil.managementreview.ManagementReviewApi.ReviewDetail;
import org.vigil.managementreview.ManagementReviewApi.ReviewView;

/**
 * {@code /api/management-reviews}: the CISO's start, the reviews with their packs, comparisons and documents for
 * auditors, managers and the CISO, and amendments to a signed-off review by the CISO and managers. HTTP Basic
 * (platform); who may do what is checked here against the caller's groups.
 */
@RestController
@RequestMapping("/api/management-reviews")
class ManagementReviewController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ManagementReviewController.class);

    static final Set<String> READERS = Set.of("auditors", "ciso", "managers", "camunda-admin");
    static final Set<String> AMENDERS = Set.of("ciso", "managers");

    private final ManagementReviews reviews;
    private final ManagementReviewDocuments documents;

    ManagementReviewController(ManagementReviews reviews, ManagementReviewDocuments documents) {
        this.reviews = reviews;
        this.documents = documents;
    }

    /** {@code kind}: quarterly (the default), monthly or annual; {@code periodLabel}: else the last complete period. */
    record StartRequest(@Size(max = 20) String kind, @Size(max = 20) String periodLabel) {}

    record Started(String processInstanceId) {}

    record AmendmentRequest(@Size(max = 8000) String text, @Size(max = 2000) String why) {}

    @PostMapping
    ResponseEntity<Started> start(@Valid @RequestBody(required = false) StartRequest request, Authentication caller) {
        // Who may start is the start right of seeds/identity (management-review: ciso), checked by requestReview.
        String started = reviews.requestReview(caller.getName(), request == null ? null : request.kind(),
                request == null ? null : request.periodLabel());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(started));
    }

    @GetMapping
    List<ReviewView> reviews(Authentication caller) {
        requireAny(caller, READERS, "read management reviews");
        return reviews.reviews();
    }

    @GetMapping("/{id}")
    ReviewDetail review(@PathVariable long id, Authentication caller) {
        requireAny(caller, READERS, "read management reviews");
        return reviews.detail(id);
    }

    @GetMapping("/{id}/comparison")
    Comparison comparison(@PathVariable long id, Authentication caller) {
        requireAny(caller, READERS, "read management reviews");
        return reviews.comparison(id);
    }

    @GetMapping("/{id}/document.html")
    ResponseEntity<String> html(@PathVariable long id, Authentication caller) {
        requireAny(caller, READERS, "read management reviews");
        reviews.review(id);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(documents.html(id));
    }

    /**
     * Before the sign-off a DRAFT rendered afresh; after it the stored PDF of the signed-off record, the same bytes on
     * every download, its SHA-256 (documentSha256 of the review) also in the ETag.
     */
    @GetMapping("/{id}/document.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Authentication caller) {
        requireAny(caller, READERS, "read management reviews");
        var review = reviews.review(id);
        var response = ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF);
        byte[] pdf;
        if (review.signedOff()) {
            var stored = documents.signedOffPdf(id);
            response.eTag(stored.sha256());
            pdf = stored.pdf();
        } else {
            pdf = documents.draftPdf(id);
        }
        return response.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("management-review-" + id + "-" + review.periodLabel() + (review.signedOff() ? "" : "-draft") + ".pdf")
                        .build().toString())
                .body(pdf);
    }

    @PostMapping("/{id}/amendments")
    ResponseEntity<AmendmentView> amend(@PathVariable long id, @Valid @RequestBody AmendmentRequest request, Authentication caller) {
        requireAny(caller, AMENDERS, "amend a management review");
        long amendment = reviews.amend(id, request.text(), request.why(), caller.getName());
        try {
            // The document showing the amendment is stored now, so the review's SHA-256 is that of the file downloaded next.
            documents.signedOffPdf(id);
        } catch (RuntimeException e) {
            // The amendment stands; the next download renders and stores the document instead.
            log.warn("The document of management review {} could not be stored after an amendment: {}", id, e.getClass().getName());
        }
        var view = reviews.detail(id).amendments().stream().filter(a -> a.id() == amendment).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/management-reviews/" + id + "#amendment-" + amendment)).body(view);
    }

    private static void requireAny(Authentication caller, Set<String> groups, String what) {
        if (caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(groups::contains)) {
            throw new ReviewRefusedException("Only members of " + String.join(", ", new java.util.TreeSet<>(groups)) + " may " + what);
        }
    }
}
