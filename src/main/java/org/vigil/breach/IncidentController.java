package org.vigil.breach;

import jakarta.validation.Valid;
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

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
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

    private static java.util.List<String> groups(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
