package org.vigil.breach;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Incidents over HTTP, for people and for systems (SIEM, ticketing). */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    record Created(long id, boolean created, URI location) {}

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    /** 201 for a new incident; 200 with the same id when the external reference was reported before. */
    @PostMapping
    ResponseEntity<Created> report(@Valid @RequestBody IncidentReport report, Principal caller) {
        var reported = incidents.report(report, caller.getName());
        var location = URI.create("/api/incidents/" + reported.incidentId());
        return ResponseEntity.status(reported.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location)
                .body(new Created(reported.incidentId(), reported.created(), location));
    }

    /** 404 both for a missing incident and for one the caller may not see: no hint that it exists. */
    @GetMapping("/{id}")
    ResponseEntity<IncidentView> show(@PathVariable long id, Authentication caller) {
        var groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return incidents.view(id, caller.getName(), groups)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
