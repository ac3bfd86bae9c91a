package org.vigil.breach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.platform.StorableDate;

/**
 * Corrections of a recorded dispatch over HTTP: the privacy office appends one with what changed and why; the
 * obligation's view ({@code GET /api/incidents/{id}}) shows the dispatch as recorded and every correction.
 */
@RestController
class DispatchCorrectionController {

    /**
     * What changed (any of sentAt, channel, proof; the rest stays as it stood) and why. The bounds are the columns'
     * (V014__dispatch_correction.sql): the reason encrypted in TEXT, the channel one of the form's values.
     */
    record CorrectionRequest(@NotBlank @Size(max = 16_000) String reason, @StorableDate OffsetDateTime sentAt,
            @Size(max = 100) String channel, @Size(max = 16_000) String proof) {}

    private static final List<String> WRITERS = List.of("privacy-office");
    private static final List<String> READERS = List.of("privacy-office", "ciso", "auditors");

    private final DispatchCorrections corrections;
    private final Replanning replanning;
    private final ObligationRepository obligations;

    DispatchCorrectionController(DispatchCorrections corrections, Replanning replanning, ObligationRepository obligations) {
        this.corrections = corrections;
        this.replanning = replanning;
        this.obligations = obligations;
    }

    @PostMapping("/api/obligations/{id}/dispatch-corrections")
    ResponseEntity<IncidentView.CorrectionView> correct(@PathVariable long id, @Valid @RequestBody CorrectionRequest request,
            Authentication caller) {
        requireGroup(caller, WRITERS);
        IncidentView.CorrectionView added;
        try {
            added = corrections.correct(id, new DispatchCorrections.Correction(request.reason(), request.sentAt(), request.channel(),
                    request.proof()), caller.getName());
        } catch (NoSuchElementException missing) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such obligation");
        }
        if (request.sentAt() != null) {
            // Some deadlines run from another notice's dispatch (HHS with the individual notices): the plan follows the corrected time.
            var obligation = obligations.findById(id).orElseThrow();
            replanning.replan(obligation.incidentId(), new Obligations.PlanChange("the dispatch of the notice to " + obligation.recipient()
                    + " (" + obligation.jurisdiction() + ") corrected", caller.getName()));
        }
        return ResponseEntity.created(URI.create("/api/obligations/" + id + "/dispatch-corrections/" + added.id())).body(added);
    }

    @GetMapping("/api/obligations/{id}/dispatch-corrections")
    List<IncidentView.CorrectionView> list(@PathVariable long id, Authentication caller) {
        requireGroup(caller, READERS);
        if (!obligations.existsById(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such obligation");
        }
        return corrections.of(id);
    }

    @GetMapping("/api/obligations/{id}/dispatch-corrections/{correctionId}")
    IncidentView.CorrectionView one(@PathVariable long id, @PathVariable long correctionId, Authentication caller) {
        requireGroup(caller, READERS);
        return corrections.one(id, correctionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such correction"));
    }

    private static void requireGroup(Authentication caller, List<String> allowed) {
        if (caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(allowed::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only " + String.join(", ", allowed) + " may do this");
        }
    }
}
