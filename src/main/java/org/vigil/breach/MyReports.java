package org.vigil.breach;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "My reports": the incidents a person reported, with their number, where they stand and what happens next, so that
 * whoever reported one can follow it after Tasklist's start form has closed. Only the caller's own reports: staff see
 * no other incident, and the list names no one else's.
 */
@Controller
class MyReports {

    /** One report as its reporter sees it: what they wrote as its title, and where it stands in words. */
    record MyReport(long id, String title, Instant reportedAt, String status, String whereItStands) {}

    static final String PAGE = "/reports";

    private final IncidentRepository incidents;

    MyReports(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    @GetMapping({PAGE, PAGE + "/"})
    String page() {
        return "forward:/reports/index.html";
    }

    @GetMapping(path = "/api/incidents/mine", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Transactional(readOnly = true)
    public List<MyReport> mine(Authentication caller) {
        return incidents.findByReportedByOrderByIdDesc(caller.getName()).stream()
                .map(incident -> new MyReport(incident.id(), (incident.exercise() ? ExerciseCards.PREFIX : "") + incident.title(),
                        incident.createdAt(), incident.status().name(), whereItStands(incident.status())))
                .toList();
    }

    /** The page's list, behind the pages' login form. */
    @GetMapping(path = PAGE + "/mine", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Transactional(readOnly = true)
    public Map<String, Object> page(Authentication caller) {
        return Map.of("user", caller.getName(), "reports", mine(caller));
    }

    static String whereItStands(IncidentStatus status) {
        return switch (status) {
            case REPORTED -> "Received: the privacy office triages it within hours";
            case TRIAGED -> "Triaged: IT operations are containing it";
            case CONTAINED -> "Contained: the privacy office is investigating it";
            case INVESTIGATED -> "Investigated: the privacy office is assessing the risk to the people concerned";
            case ASSESSED -> "Assessed: the notices the law requires are being planned";
            case NOT_A_BREACH -> "Assessed as not a reportable breach: it is reviewed and closed";
            case NOTIFYING -> "A reportable breach: the people and authorities concerned are being notified";
            case REVIEW -> "Handled: its post-incident review is under way";
            case CLOSED -> "Closed";
            case REOPENED -> "Reopened: the privacy office is investigating it again";
        };
    }
}
