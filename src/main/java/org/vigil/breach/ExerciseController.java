package org.vigil.breach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.server.ResponseStatusException;
import org.vigil.breach.events.ExerciseGap;

/**
 * Breach-response exercises over HTTP: the CISO and the auditors start one on a scenario and end it early; they and the
 * privacy office read its report.
 */
@RestController
@RequestMapping("/api/exercises")
class ExerciseController {

    static final Set<String> RUNNERS = Set.of("ciso", "auditors");
    static final Set<String> READERS = Set.of("ciso", "auditors", "privacy-office");

    /** {@code participants}: user ids of those taking part, the only people (with the facilitator) its mail reaches. */
    record StartRequest(@NotBlank @Size(max = 100) String scenario, Long auditId, @Size(max = 50) List<@NotBlank @Size(max = 64) String> participants) {}

    record Started(long incidentId, String scenario, URI incident, URI report) {}

    record ScenarioView(String id, String title) {}

    record Ended(long incidentId, String scenario, Long auditId, java.time.Instant startedAt, java.time.Instant reportedAt,
            List<ExerciseGap> gaps, URI report) {}

    private final Exercises exercises;
    private final ExerciseReportRenderer renderer;

    ExerciseController(Exercises exercises, ExerciseReportRenderer renderer) {
        this.exercises = exercises;
        this.renderer = renderer;
    }

    @GetMapping("/scenarios")
    List<ScenarioView> scenarios(Authentication caller) {
        require(caller, READERS);
        return exercises.scenarios().stream().map(scenario -> new ScenarioView(scenario.id(), scenario.title())).toList();
    }

    @PostMapping
    ResponseEntity<Started> start(@Valid @RequestBody StartRequest request, Authentication caller) {
        require(caller, RUNNERS);
        var started = exercises.start(request.scenario(), request.auditId(), request.participants(), caller.getName());
        var incident = URI.create("/api/incidents/" + started.incidentId());
        return ResponseEntity.created(incident).body(new Started(started.incidentId(), started.scenario(), incident, report(started.incidentId())));
    }

    @GetMapping(value = "/{incidentId}/report", produces = MediaType.TEXT_HTML_VALUE)
    String report(@PathVariable long incidentId, Authentication caller) {
        require(caller, READERS);
        return renderer.html(exercises.report(incidentId).orElseThrow(() -> notAnExercise(incidentId)));
    }

    /** Ends the exercise now, before its incident is closed: its processes end, its report is final and announced. */
    @PostMapping("/{incidentId}/report")
    Ended finish(@PathVariable long incidentId, Authentication caller) {
        require(caller, RUNNERS);
        var report = exercises.finish(incidentId, caller.getName(), true).orElseThrow(() -> notAnExercise(incidentId));
        return new Ended(report.incidentId(), report.scenario(), report.auditId(), report.startedAt(), report.reportedAt(), report.gaps(),
                report(incidentId));
    }

    private static URI report(long incidentId) {
        return URI.create("/api/exercises/" + incidentId + "/report");
    }

    private static ResponseStatusException notAnExercise(long incidentId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No exercise with incident " + incidentId);
    }

    private static void require(Authentication caller, Set<String> groups) {
        if (caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(groups::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Exercises are for " + String.join(", ", groups.stream().sorted().toList()));
        }
    }
}
