package org.vigil.correctiveaction;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/corrective-actions}: raise an action by hand (source MANUAL), list actions by source, read one with its
 * texts. HTTP Basic (platform). Raising is for the CISO, managers, the privacy office and the auditors (the process
 * itself is started by Vigil, never in Tasklist); reading for them and for the members of an action's owner group.
 */
@RestController
@RequestMapping("/api/corrective-actions")
class CorrectiveActionController {

    static final Set<String> RAISERS = Set.of("ciso", "managers", "privacy-office", "auditors", "camunda-admin");
    static final Set<String> READERS = RAISERS;

    /** A manual action: what, how severe, whose; {@code repeatOf} the earlier action of the same nonconformity. */
    record RaiseRequest(String severity, String ownerGroup, String description, Long repeatOf) {}

    /** An action with what people wrote at each step (decrypted): for its readers only. */
    record ActionDetail(ActionSummary summary, String description, Boolean correctionMade, String correction, String rootCause,
            String rootCauseMethod, Boolean similarElsewhere, String similarWhere, String plan, String laterDueReason, String evidence,
            String implementedBy, java.time.Instant implementedAt, String effectivenessNotes, String checkedBy, java.time.Instant checkedAt) {

        static ActionDetail of(ActionStore.ActionRow a) {
            return new ActionDetail(a.summary(), a.description(), a.correctionMade(), a.correction(), a.rootCause(), a.rootCauseMethod(),
                    a.similarElsewhere(), a.similarWhere(), a.plan(), a.dueReason(), a.evidence(), a.implementedBy(), a.implementedAt(),
                    a.effectivenessNotes(), a.checkedBy(), a.checkedAt());
        }
    }

    private final CorrectiveActions actions;
    private final ActionSteps steps;

    CorrectiveActionController(CorrectiveActions actions, ActionSteps steps) {
        this.actions = actions;
        this.steps = steps;
    }

    @PostMapping
    ResponseEntity<ActionSummary> raise(@RequestBody(required = false) RaiseRequest request, Authentication caller) {
        if (!hasAny(caller, RAISERS)) {
            throw new ActionRefusedException("Only members of " + String.join(", ", RAISERS.stream().sorted().toList())
                    + " may raise a corrective action");
        }
        if (request == null) {
            throw new IllegalArgumentException("body: the action is missing");
        }
        long id = actions.raise(new RaiseAction(new ActionSource(ActionSource.MANUAL, "manual:" + UUID.randomUUID()),
                request.severity(), request.ownerGroup(), request.description(), caller.getName(), request.repeatOf(), false));
        return ResponseEntity.created(URI.create("/api/corrective-actions/" + id)).body(actions.summary(id).orElseThrow());
    }

    /** Readers see every action of the source; members of other groups only the actions their group owns. */
    @GetMapping
    List<ActionSummary> list(@RequestParam(required = false) String sourceType, @RequestParam(defaultValue = "") String referencePrefix,
            Authentication caller) {
        if (sourceType != null && !sourceType.isBlank() && !ActionRegister.SOURCE_TYPES.contains(sourceType)) {
            throw new IllegalArgumentException("sourceType: must be one of " + String.join(", ", ActionRegister.SOURCE_TYPES.stream().sorted().toList()));
        }
        if (referencePrefix.length() > 200) {
            throw new IllegalArgumentException("referencePrefix: must be at most 200 characters");
        }
        var found = actions.bySource(sourceType == null || sourceType.isBlank() ? null : sourceType, referencePrefix);
        if (hasAny(caller, READERS)) {
            return found;
        }
        Set<String> groups = groupsOf(caller);
        return found.stream().filter(action -> groups.contains(action.ownerGroup())).toList();
    }

    @GetMapping("/{id}")
    ActionDetail one(@PathVariable long id, Authentication caller) {
        var action = steps.require(id);
        if (!hasAny(caller, READERS) && !groupsOf(caller).contains(action.ownerGroup())) {
            throw new ActionRefusedException("Only members of " + String.join(", ", READERS.stream().sorted().toList())
                    + " and of the action's owner group read corrective action CA-" + id);
        }
        return ActionDetail.of(action);
    }

    private static boolean hasAny(Authentication caller, Set<String> groups) {
        return groupsOf(caller).stream().anyMatch(groups::contains);
    }

    private static Set<String> groupsOf(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- problems

    /** A value refused: 400 naming the field (the message starts with it), never the value. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badInput(IllegalArgumentException e) {
        String message = e.getMessage() == null || e instanceof NumberFormatException ? "A value has the wrong format" : e.getMessage();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle("Bad request");
        int colon = message.indexOf(':');
        if (colon > 0 && colon < 60) {
            problem.setProperty("field", message.substring(0, colon));
        }
        return respond(problem);
    }

    @ExceptionHandler(ActionRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ActionRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Refused");
        return respond(problem);
    }

    @ExceptionHandler(NoSuchActionException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchActionException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
