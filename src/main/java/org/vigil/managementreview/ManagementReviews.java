package org.vigil.managementreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.ActionSummary;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.correctiveaction.RaiseAction;
import org.vigil.managementreview.ManagementReviewApi.Comparison;
import org.vigil.managementreview.ManagementReviewApi.DecisionInput;
import org.vigil.managementreview.ManagementReviewApi.DecisionView;
import org.vigil.managementreview.ManagementReviewApi.FigureChange;
import org.vigil.managementreview.ManagementReviewApi.InputComparison;
import org.vigil.managementreview.ManagementReviewApi.ItemChange;
import org.vigil.managementreview.ManagementReviewApi.PackInput;
import org.vigil.managementreview.ManagementReviewApi.ReviewDetail;
import org.vigil.managementreview.ManagementReviewApi.ReviewView;
import org.vigil.managementreview.ManagementReviewApi.TrendPoint;
import org.vigil.managementreview.ReviewPeriods.Period;
import org.vigil.managementreview.spi.ReviewFigure;
import org.vigil.managementreview.spi.ReviewInput;
import org.vigil.managementreview.spi.ReviewInputSource;
import org.vigil.managementreview.spi.ReviewItem;
import org.vigil.managementreview.spi.ReviewPeriod;
import org.vigil.platform.CompanyCalendar;
import org.vigil.platform.PeopleDirectory;

/**
 * The management reviews: opening one for its period, its pack read from every {@link ReviewInputSource} of its kind
 * (re-read until the meeting, then frozen with the figures of the three periods before, for the charts), the people's
 * inputs, the meeting with its decisions (each an action of the corrective-action capability, source
 * {@code review:<id>:decision:<n>}), the open actions of earlier reviews carried forward until closed, the chair's
 * sign-off that makes the record read-only, and amendments appended after it.
 */
@Service("managementReviews")
public class ManagementReviews {

    private static final Logger log = LoggerFactory.getLogger(ManagementReviews.class);

    static final String PREVIOUS_ACTIONS = "previous-actions";
    static final String RISK = "risk";
    static final String ISSUES = "issues";
    static final String INTERESTED_PARTIES = "interested-parties";
    static final String OBJECTIVES = "objectives";
    static final int TREND_PERIODS = 3;
    /** Who may chair a review, and so sign it off: top management in Vigil's groups. */
    static final List<String> CHAIR_GROUPS = List.of("ciso", "managers");

    /** The people's inputs: their title and the clause 9.3.2 input they answer. */
    static final Map<String, String[]> PEOPLE_INPUTS = Map.of(
            ISSUES, new String[] {"Changes in external and internal issues", "9.3.2 b) changes in external and internal issues"},
            INTERESTED_PARTIES, new String[] {"Needs, expectations and feedback of interested parties",
                    "9.3.2 c) changes in needs and expectations of interested parties; e) feedback from interested parties"},
            OBJECTIVES, new String[] {"Fulfilment of information security objectives", "9.3.2 d) 4) fulfilment of information security objectives"});

    private final ManagementReviewStore store;
    private final ManagementReviewProcess process;
    private final List<ReviewInputSource> sources;
    private final CorrectiveActions actions;
    private final PeopleDirectory people;
    private final CompanyCalendar calendar;
    private final ManagementReviewSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    ManagementReviews(ManagementReviewStore store, ManagementReviewProcess process, List<ReviewInputSource> sources,
            CorrectiveActions actions, PeopleDirectory people, CompanyCalendar calendar, ManagementReviewSettings settings,
            ObjectMapper json, Clock clock) {
        this.store = store;
        this.process = process;
        this.sources = List.copyOf(sources);
        this.actions = actions;
        this.people = people;
        this.calendar = calendar;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ starting and opening

    /** The CISO's start. {@code kind} quarterly (the default), monthly or annual; {@code periodLabel} else the last complete period. */
    public String requestReview(String startedBy, String kind, String periodLabel) {
        // The CISO's, by name of the group: an administrator's grants do not make them the CISO.
        if (!people.mayStart(startedBy, ManagementReviewProcess.KEY) || !people.membersOf("ciso").contains(startedBy)) {
            throw new ReviewRefusedException("Only the CISO starts a management review by hand; " + startedBy
                    + " may not. The scheduled reviews start on their own.");
        }
        String checkedKind = kind == null ? "quarterly" : kind.strip();
        if (!ReviewPeriods.KINDS.contains(checkedKind)) {
            throw new IllegalArgumentException("kind: must be one of quarterly, monthly, annual (leave it out for quarterly)");
        }
        Period period = periodLabel == null || periodLabel.isBlank() ? ReviewPeriods.lastCompleteBefore(checkedKind, today())
                : ReviewPeriods.parse(checkedKind, periodLabel.strip(), today());
        if (period.end().isAfter(today())) {
            throw new IllegalArgumentException("periodLabel: " + period.label() + " is not over until " + period.end()
                    + "; a review looks back on a complete period");
        }
        store.reviewOfPeriod(checkedKind, period.label()).ifPresent(existing -> {
            throw new org.vigil.platform.StateConflict("Period already reviewed", "The " + checkedKind + " review of " + period.label()
                    + " exists already: management review " + existing.id(), Map.of("reviewId", existing.id()));
        });
        // Started a moment ago and not opened yet (its record is written by the process's first job).
        process.startedFor(checkedKind, period.label()).ifPresent(instance -> {
            throw new org.vigil.platform.StateConflict("Period already reviewed", "The " + checkedKind + " review of " + period.label()
                    + " is being opened (process instance " + instance + ")", Map.of("processInstanceId", instance));
        });
        return process.start(startedBy, checkedKind, period.label());
    }

    /**
     * Opens the review of this instance for its period and reads its pack; null when another review of the kind covers
     * the period already (the CISO started it by hand before the schedule did). Safe to re-run: keyed by the instance.
     */
    @Transactional
    public Long open(String processInstanceId, String kind, String startedBy, String periodLabel) {
        var existing = store.reviewOfProcess(processInstanceId);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        Period period = periodLabel == null || periodLabel.isBlank() ? ReviewPeriods.lastCompleteBefore(kind, today())
                : ReviewPeriods.parse(kind, periodLabel, today());
        // Locking read: two openings of one period at once wait for each other (or one fails and its job retries).
        var sameperiod = store.reviewOfPeriodForUpdate(kind, period.label());
        if (sameperiod.isPresent()) {
            log.info("The {} review of {} exists already (management review {}): no second one", kind, period.label(), sameperiod.get().id());
            return null;
        }
        Instant meetingDue = calendar.endOfWorkingDay(calendar.plusWorkingDays(today(), settings.meetingWorkingDays()));
        ZoneId zone = clock.getZone();
        long id = store.insertReview(processInstanceId, kind, period.from(zone), period.to(zone), period.label(), meetingDue,
                startedBy == null ? org.vigil.platform.Actors.VIGIL : startedBy, clock.instant());
        for (String key : preparationInputsOf(kind)) {
            store.addPeopleInput(id, key, preparationOwner(key));
        }
        readPack(review(id), false);
        return id;
    }

    /** The people's inputs prepared for a review of the kind: all three for quarterly and annual, issues for monthly. */
    static List<String> preparationInputsOf(String kind) {
        return "monthly".equals(kind) ? List.of(ISSUES) : List.of(ISSUES, INTERESTED_PARTIES, OBJECTIVES);
    }

    /** For the multi-instance preparation of processes/management-review.bpmn. */
    public List<String> preparationInputs(long reviewId) {
        return preparationInputsOf(review(reviewId).kind());
    }

    public String preparationOwner(String inputKey) {
        return switch (inputKey) {
            case ISSUES -> settings.issuesOwner();
            case INTERESTED_PARTIES -> settings.interestedPartiesOwner();
            case OBJECTIVES -> settings.objectivesOwner();
            default -> throw new IllegalArgumentException("preparationInput: no people's input " + inputKey);
        };
    }

    public String preparationTitle(String inputKey) {
        return PEOPLE_INPUTS.get(inputKey)[0];
    }

    /** The chair recorded at the meeting: the sign-off is theirs. */
    public String chairOf(long reviewId) {
        return review(reviewId).chair();
    }

    public Date meetingDue(long reviewId) {
        return Date.from(review(reviewId).meetingDue());
    }

    /** The people's inputs are due this many working days before the meeting, at the end of the day. */
    public Date preparationDue(long reviewId) {
        LocalDate meeting = review(reviewId).meetingDue().atZone(clock.getZone()).toLocalDate();
        return Date.from(calendar.endOfWorkingDay(minusWorkingDays(meeting, settings.preparationLeadWorkingDays())));
    }

    public Date preparationRemindAt(long reviewId) {
        LocalDate due = preparationDue(reviewId).toInstant().atZone(clock.getZone()).toLocalDate();
        LocalDate remind = minusWorkingDays(due, settings.preparationReminderWorkingDays());
        Instant at = remind.atTime(settings.startTime()).atZone(clock.getZone()).toInstant();
        return Date.from(at.isBefore(clock.instant()) ? clock.instant() : at);
    }

    /** The chair signs off this many working days after the pack is frozen (or from today, before). */
    public Date signOffDue(long reviewId) {
        var review = review(reviewId);
        Instant from = review.frozenAt() == null ? clock.instant() : review.frozenAt();
        return Date.from(calendar.endOfWorkingDay(calendar.plusWorkingDays(from.atZone(clock.getZone()).toLocalDate(),
                settings.signOffWorkingDays())));
    }

    // ------------------------------------------------------------------ the pack

    /**
     * Reads every input of the review's kind again (unless frozen): each source's answer for the period, the risk
     * input (not available while no capability answers it), and the open actions of earlier reviews. With {@code freeze}
     * the answers are final, with the figures of the periods before for the charts.
     */
    void readPack(ReviewView review, boolean freeze) {
        Period period = periodOf(review);
        Instant previousAt = previousOf(review).map(p -> p.meetingAt() != null ? p.meetingAt() : p.createdAt())
                .orElse(null);
        ZoneId zone = clock.getZone();
        var reviewPeriod = new ReviewPeriod(period.from(zone), period.to(zone), period.label(), previousAt);
        boolean risk = false;
        for (ReviewInputSource source : sources) {
            if (!source.reviewKinds().contains(review.kind())) {
                continue;
            }
            risk |= RISK.equals(source.key());
            ReviewInput input = read(source, reviewPeriod);
            String trend = null;
            if (freeze && input.available()) {
                List<TrendPoint> points = new ArrayList<>();
                for (Period earlier : period.previous(TREND_PERIODS)) {
                    ReviewInput old = read(source, new ReviewPeriod(earlier.from(zone), earlier.to(zone), earlier.label(), null));
                    Map<String, Double> figures = new LinkedHashMap<>();
                    if (old.available()) {
                        old.figures().forEach(f -> figures.put(f.key(), f.value()));
                    }
                    points.add(new TrendPoint(earlier.label(), figures));
                }
                trend = write(points);
            }
            store.putInput(review.id(), source.key(), write(input), trend, input.readAt(), freeze);
        }
        if (!risk) {
            var input = new ReviewInput(RISK, "Risk assessment and treatment", "9.3.2 f) results of risk assessment and status of risk treatment plan",
                    "risk", clock.instant(), false, List.of(), List.of(), List.of("The risk capability does not exist yet"));
            store.putInput(review.id(), RISK, write(input), null, input.readAt(), freeze);
        }
        var previous = previousActions(review.id());
        store.putInput(review.id(), PREVIOUS_ACTIONS, write(previous), null, previous.readAt(), freeze);
    }

    private ReviewInput read(ReviewInputSource source, ReviewPeriod period) {
        try {
            ReviewInput input = source.read(period);
            return input.readAt() == null ? new ReviewInput(input.key(), input.title(), input.isoInput(), input.source(), clock.instant(),
                    input.available(), input.figures(), input.items(), input.notes()) : input;
        } catch (RuntimeException e) {
            // A source that cannot answer leaves its input visibly missing rather than the review without a pack.
            log.warn("Input {} of a management review could not be read: {}", source.key(), e.getClass().getName());
            return new ReviewInput(source.key(), source.key(), "", source.key(), clock.instant(), false, List.of(), List.of(),
                    List.of("Could not be read at this time (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /** 9.3.2 a): the actions raised by earlier reviews' decisions that are not closed, carried forward until they are. */
    private ReviewInput previousActions(long reviewId) {
        Instant now = clock.instant();
        List<ActionSummary> open = actions.bySource(ActionSource.MANAGEMENT_REVIEW, "review:").stream()
                .filter(a -> !"CLOSED".equals(a.status()))
                .filter(a -> !a.source().reference().startsWith("review:" + reviewId + ":"))
                .toList();
        List<ReviewItem> items = open.stream().map(a -> new ReviewItem("CA-" + a.id(),
                "CA-" + a.id() + " from " + a.source().reference() + " (" + a.ownerGroup() + ", " + a.status()
                        + (a.dueAt() == null ? "" : ", due " + a.dueAt().atZone(clock.getZone()).toLocalDate()) + ")",
                a.status() + "|" + a.dueAt())).toList();
        long overdue = open.stream().filter(a -> a.dueAt() != null && a.dueAt().isBefore(now)).count();
        return new ReviewInput(PREVIOUS_ACTIONS, "Actions from previous reviews", "9.3.2 a) status of actions from previous management reviews",
                "corrective actions raised by management-review decisions", now, true,
                List.of(new ReviewFigure(PREVIOUS_ACTIONS + ".open", "Actions open", (double) open.size(), "count", "not closed at reading", null),
                        new ReviewFigure(PREVIOUS_ACTIONS + ".overdue", "Actions overdue", (double) overdue, "count", "open past their due date", 0.0)),
                items, open.isEmpty() ? List.of("No action of an earlier review is open") : List.of());
    }

    // ------------------------------------------------------------------ the people's inputs, the meeting, the sign-off

    @Transactional
    public void recordStatement(long reviewId, String inputKey, String statement, String by) {
        var review = unlocked(reviewId);
        if (!preparationInputsOf(review.kind()).contains(inputKey)) {
            throw new IllegalArgumentException("preparationInput: review " + reviewId + " has no people's input " + inputKey);
        }
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("phiStatement: the input is required");
        }
        if (statement.length() > 8000) {
            throw new IllegalArgumentException("phiStatement: at most 8000 characters");
        }
        if (review.frozen()) {
            throw new IllegalArgumentException("phiStatement: the pack of review " + reviewId + " is frozen since its meeting");
        }
        store.saveStatement(reviewId, inputKey, statement.strip(), by, clock.instant());
    }

    /** The meeting as held: its date (not after today), chair, attendees, minutes and decisions. */
    @Transactional
    public void recordMeeting(long reviewId, LocalDate meetingDate, String chair, List<String> attendees, String minutes,
            List<DecisionInput> decisions) {
        var review = unlocked(reviewId);
        if (review.frozen()) {
            throw new IllegalArgumentException("meetingDate: the meeting of review " + reviewId + " is already recorded");
        }
        if (meetingDate == null) {
            throw new IllegalArgumentException("meetingDate: the day the meeting was held is required");
        }
        if (meetingDate.isAfter(today())) {
            throw new IllegalArgumentException("meetingDate: the meeting is recorded once held, not before " + meetingDate);
        }
        LocalDate opened = review.createdAt().atZone(clock.getZone()).toLocalDate();
        if (meetingDate.isBefore(opened)) {
            throw new IllegalArgumentException("meetingDate: the meeting is held after the review opened on " + opened);
        }
        if (chair == null || chair.isBlank() || chair.length() > 64) {
            throw new IllegalArgumentException("chair: the chair's user id is required (at most 64 characters)");
        }
        if (CHAIR_GROUPS.stream().noneMatch(group -> people.membersOf(group).contains(chair.strip()))) {
            throw new IllegalArgumentException("chair: must be the user id of a member of " + CHAIR_GROUPS.stream().map(people::groupNameOf)
                    .collect(java.util.stream.Collectors.joining(" or ")) + "; the chair signs the record off");
        }
        if (attendees.isEmpty()) {
            throw new IllegalArgumentException("attendees: at least one attendee is required");
        }
        if (String.join(",", attendees).length() > 2000) {
            throw new IllegalArgumentException("attendees: at most 2000 characters");
        }
        if (minutes == null || minutes.isBlank()) {
            throw new IllegalArgumentException("phiMinutes: the minutes are required");
        }
        if (minutes.length() > 20000) {
            throw new IllegalArgumentException("phiMinutes: at most 20000 characters");
        }
        for (int i = 0; i < decisions.size(); i++) {
            var d = decisions.get(i);
            String where = "phiDecisions[" + (i + 1) + "]";
            if (d.text() == null || d.text().isBlank() || d.text().length() > 4000) {
                throw new IllegalArgumentException(where + ".text: the decision is required (at most 4000 characters)");
            }
            if (d.ownerGroup() == null || !people.isWorkflowGroup(d.ownerGroup())) {
                throw new IllegalArgumentException(where + ".ownerGroup: must be a group of Vigil (ciso, managers, privacy-office, ...)");
            }
            if (d.owner() != null && !d.owner().isBlank() && !people.membersOf(d.ownerGroup()).contains(d.owner().strip())) {
                throw new IllegalArgumentException(where + ".owner: must be the user id of a member of " + people.groupNameOf(d.ownerGroup())
                        + ", or empty for the group to name one");
            }
            if (d.dueDate() == null || d.dueDate().isBefore(today())) {
                throw new IllegalArgumentException(where + ".dueDate: a due date from today on is required");
            }
        }
        Instant at = meetingDate.atTime(settings.startTime()).atZone(clock.getZone()).toInstant();
        store.saveMeeting(reviewId, chair.strip(), at, attendees, minutes.strip());
        store.replaceDecisions(reviewId, decisions.stream().map(d -> new DecisionInput(d.text().strip(), d.ownerGroup(),
                d.owner() == null || d.owner().isBlank() ? null : d.owner().strip(), d.dueDate())).toList());
    }

    /**
     * After the meeting: the pack read a last time and frozen (later changes of the live data do not change it), and
     * each decision raised as an action. Safe to re-run: a frozen pack is not read again, an action not raised twice.
     */
    @Transactional
    public int freezeAndRaiseActions(long reviewId) {
        var review = store.lockReview(reviewId).orElseThrow(() -> new NoSuchReviewException(reviewId));
        if (!review.frozen()) {
            readPack(review, true);
            store.freezePeopleInputs(reviewId);
            store.markFrozen(reviewId, clock.instant());
        }
        int raised = 0;
        for (var d : store.decisions(reviewId)) {
            if (d.correctiveActionId() == null) {
                // The meeting's due date and owner are the action's; a retry days later cannot make it due in the past.
                LocalDate due = d.dueDate().isBefore(today()) ? today() : d.dueDate();
                String owner = d.owner() != null && people.membersOf(d.ownerGroup()).contains(d.owner()) ? d.owner() : null;
                long actionId = actions.raise(new RaiseAction(new ActionSource(ActionSource.MANAGEMENT_REVIEW,
                        "review:" + reviewId + ":decision:" + d.position()), "improvement", d.ownerGroup(), d.text(),
                        review.chair() == null ? org.vigil.platform.Actors.VIGIL : review.chair(), null, false, due, owner));
                store.setDecisionAction(d.id(), actionId);
                raised++;
            }
        }
        return raised;
    }

    @Transactional
    public void signOff(long reviewId, String by) {
        var review = store.lockReview(reviewId).orElseThrow(() -> new NoSuchReviewException(reviewId));
        if (review.signedOff()) {
            throw new ReviewSignedOffException(reviewId);
        }
        if (!review.frozen()) {
            throw new IllegalArgumentException("signOff: review " + reviewId + " has no meeting recorded yet");
        }
        if (!Objects.equals(by, review.chair())) {
            throw new ReviewRefusedException("Only the chair of management review " + reviewId + ", " + review.chair()
                    + ", signs it off; " + by + " may not");
        }
        store.markSignedOff(reviewId, by, clock.instant());
    }

    @Transactional
    public void documentRendered(long reviewId, String sha256) {
        store.markDocument(reviewId, sha256, clock.instant());
    }

    /** An amendment to a signed-off review, appended with who and why. */
    @Transactional
    public long amend(long reviewId, String text, String why, String by) {
        var review = store.lockReview(reviewId).orElseThrow(() -> new NoSuchReviewException(reviewId));
        if (text == null || text.isBlank() || text.length() > 8000) {
            throw new IllegalArgumentException("text: the amendment is required (at most 8000 characters)");
        }
        if (why == null || why.isBlank() || why.length() > 2000) {
            throw new IllegalArgumentException("why: the reason for the amendment is required (at most 2000 characters)");
        }
        if (!review.signedOff()) {
            throw new org.vigil.platform.StateConflict("Management review not signed off", "Management review " + reviewId
                    + " is not signed off yet: change it in its tasks; amendments are for the signed-off record", Map.of("reviewId", reviewId));
        }
        return store.addAmendment(reviewId, text.strip(), why.strip(), by, clock.instant());
    }

    // ------------------------------------------------------------------ reading

    public ReviewView review(long id) {
        return store.review(id).orElseThrow(() -> new NoSuchReviewException(id));
    }

    public List<ReviewView> reviews() {
        return store.reviews();
    }

    public ReviewDetail detail(long id) {
        var review = review(id);
        List<PackInput> pack = store.inputs(id).stream().map(this::packInput).toList();
        List<DecisionView> decisions = store.decisions(id).stream().map(d -> new DecisionView(d.position(), d.text(), d.ownerGroup(),
                d.owner(), d.dueDate(), d.correctiveActionId(), d.correctiveActionId() == null ? null
                        : actions.summary(d.correctiveActionId()).map(ActionSummary::status).orElse(null))).toList();
        return new ReviewDetail(review, store.minutes(id), pack, decisions, store.amendments(id));
    }

    /** The review of the same kind for the period before this one's, else the latest of an earlier period. */
    public Optional<ReviewView> previousOf(ReviewView review) {
        return store.previousOf(review.kind(), review.periodFrom());
    }

    /** This review's pack against the previous review's of the same kind: figures changed, items added, changed, removed. */
    public Comparison comparison(long id) {
        var review = review(id);
        var previous = previousOf(review);
        Map<String, ReviewInput> now = inputsOf(id);
        Map<String, ReviewInput> before = previous.map(p -> inputsOf(p.id())).orElse(Map.of());
        List<InputComparison> inputs = new ArrayList<>();
        var keys = new LinkedHashSet<>(now.keySet());
        keys.addAll(before.keySet());
        for (String key : keys) {
            ReviewInput current = now.get(key);
            ReviewInput old = before.get(key);
            String title = current != null ? current.title() : old.title();
            Map<String, ReviewFigure> oldFigures = new LinkedHashMap<>();
            if (old != null) {
                old.figures().forEach(f -> oldFigures.put(f.key(), f));
            }
            List<FigureChange> figures = new ArrayList<>();
            if (current != null) {
                for (ReviewFigure f : current.figures()) {
                    ReviewFigure o = oldFigures.remove(f.key());
                    String change = o == null ? "new" : Objects.equals(o.value(), f.value()) ? "same" : "changed";
                    figures.add(new FigureChange(f.key(), f.label(), o == null ? null : o.value(), f.value(), f.unit(), change));
                }
            }
            oldFigures.values().forEach(o -> figures.add(new FigureChange(o.key(), o.label(), o.value(), null, o.unit(), "gone")));
            Map<String, ReviewItem> oldItems = new LinkedHashMap<>();
            if (old != null) {
                old.items().forEach(i -> oldItems.put(i.key(), i));
            }
            List<ItemChange> items = new ArrayList<>();
            if (current != null) {
                for (ReviewItem i : current.items()) {
                    ReviewItem o = oldItems.remove(i.key());
                    if (o == null) {
                        items.add(new ItemChange(i.key(), i.text(), "added"));
                    } else if (!Objects.equals(o.fingerprint(), i.fingerprint())) {
                        items.add(new ItemChange(i.key(), i.text(), "changed"));
                    }
                }
            }
            oldItems.values().forEach(o -> items.add(new ItemChange(o.key(), o.text(), "removed")));
            inputs.add(new InputComparison(key, title, figures, items));
        }
        return new Comparison(id, previous.map(ReviewView::id).orElse(null), previous.map(ReviewView::periodLabel).orElse(null), inputs);
    }

    private Map<String, ReviewInput> inputsOf(long reviewId) {
        Map<String, ReviewInput> inputs = new LinkedHashMap<>();
        for (var row : store.inputs(reviewId)) {
            if (row.inputJson() != null) {
                inputs.put(row.key(), parse(row.inputJson(), ReviewInput.class));
            }
        }
        return inputs;
    }

    private PackInput packInput(ManagementReviewStore.InputRow row) {
        ReviewInput input = row.inputJson() == null ? null : parse(row.inputJson(), ReviewInput.class);
        List<TrendPoint> trend = row.trendJson() == null ? List.of() : parse(row.trendJson(), new TypeReference<List<TrendPoint>>() {});
        return new PackInput(row.key(), row.source(), input, trend, row.readAt(), row.frozen(), row.statement(), row.ownerGroup(),
                row.enteredBy(), row.enteredAt());
    }

    // ------------------------------------------------------------------ helpers

    private ReviewView unlocked(long reviewId) {
        var review = store.lockReview(reviewId).orElseThrow(() -> new NoSuchReviewException(reviewId));
        if (review.signedOff()) {
            throw new ReviewSignedOffException(reviewId);
        }
        return review;
    }

    Period periodOf(ReviewView review) {
        return ReviewPeriods.of(review.kind(), review.periodFrom().atZone(clock.getZone()).toLocalDate());
    }

    private LocalDate minusWorkingDays(LocalDate day, int days) {
        LocalDate date = day;
        for (int counted = 0; counted < days; ) {
            date = date.minusDays(1);
            if (calendar.isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    private LocalDate today() {
        return clock.instant().atZone(clock.getZone()).toLocalDate();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a review input as JSON", e);
        }
    }

    private <T> T parse(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored review input is not readable", e);
        }
    }

    private <T> T parse(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored review input is not readable", e);
        }
    }
}
