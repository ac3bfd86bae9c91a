package org.vigil.breach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

/** Incidents over HTTP, for people and for systems (SIEM, ticketing). */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    record Created(long id, boolean created, URI location) {}

    /** Why a closed incident is reopened; it may cite patient data and is kept encrypted in the incident's record. */
    record Reopening(@NotBlank @Size(max = 16_000) String reason) {}

    private final Incidents incidents;
    private final String privacyLead;

    IncidentController(Incidents incidents, BreachSettings settings) {
        this.incidents = incidents;
        this.privacyLead = settings.privacyLead();
    }

    /**
     * 201 for a new incident; 200 with the same id when the external reference was reported before, to a caller who
     * may see that incident. Anyone else gets 409 without the id: it would hand them another reporter's incident.
     */
    @PostMapping
    ResponseEntity<Created> report(@Valid @RequestBody IncidentReport report, Authentication caller) {
        var reported = incidents.report(report, caller.getName());
        if (!reported.created() && incidents.view(reported.incidentId(), caller.getName(), groups(caller)).isEmpty()) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "externalReference is already used by an incident that someone else reported; choose another reference");
            problem.setTitle("Reference already used");
            problem.setProperty("field", "externalReference");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        var location = URI.create("/api/incidents/" + reported.incidentId());
        return ResponseEntity.status(reported.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location)
                .body(new Created(reported.incidentId(), reported.created(), location));
    }

    /** 404 both for a missing incident and for one the caller may not see: no hint that it exists. */
    @GetMapping("/{id}")
    IncidentView show(@PathVariable long id, Authentication caller) {
        return incidents.view(id, caller.getName(), groups(caller))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such incident"));
    }

    /**
     * Reopens a closed incident: back to the investigation, then a new assessment, plan, review and closure. Only the
     * CISO (group {@code ciso}) or the privacy lead: the user named by {@code vigil.breach.privacy-lead}, while a member
     * of {@code privacy-office}. Not every privacy officer: a closure is undone by whoever answers for the privacy
     * office, and recorded with who, when and why.
     */
    @PostMapping("/{id}/reopen")
    IncidentView reopen(@PathVariable long id, @Valid @RequestBody Reopening reopening, Authentication caller) {
        var callerGroups = groups(caller);
        show(id, caller);
        boolean lead = !privacyLead.isBlank() && privacyLead.equals(caller.getName()) && callerGroups.contains("privacy-office");
        if (!lead && !callerGroups.contains("ciso")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the CISO or the privacy lead (vigil.breach.privacy-lead) reopens a closed incident");
        }
        return incidents.reopen(id, reopening.reason(), caller.getName());
    }

    private static java.util.List<String> groups(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
