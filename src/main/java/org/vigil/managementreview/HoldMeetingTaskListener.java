package org.vigil.managementreview;

import static org.vigil.managementreview.ManagementReviewVariables.ATTENDEES;
import static org.vigil.managementreview.ManagementReviewVariables.CHAIR;
import static org.vigil.managementreview.ManagementReviewVariables.DECISIONS;
import static org.vigil.managementreview.ManagementReviewVariables.MEETING_DATE;
import static org.vigil.managementreview.ManagementReviewVariables.MINUTES;
import static org.vigil.managementreview.ManagementReviewVariables.REVIEW_ID;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vigil.managementreview.ManagementReviewApi.DecisionInput;
import org.vigil.platform.JsonListVariables;

/**
 * Task_HoldMeeting, on complete: the meeting's date, chair, attendees, minutes and decisions (text, owner group,
 * owner, due date) checked and stored, the minutes and decisions encrypted; then removed from the process. The pack
 * is frozen and the decisions raised as actions by the next step.
 */
@Component
class HoldMeetingTaskListener extends ReviewTaskListener {

    private final ManagementReviews reviews;
    private final Clock clock;

    HoldMeetingTaskListener(ManagementReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    void act(DelegateTask task) {
        List<DecisionInput> decisions = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> row : JsonListVariables.rows(task, DECISIONS)) {
            n++;
            decisions.add(new DecisionInput(text(row.get("text")), text(row.get("ownerGroup")), text(row.get("owner")),
                    day(row.get("dueDate"), DECISIONS + "[" + n + "].dueDate", clock.getZone())));
        }
        reviews.recordMeeting(REVIEW_ID.from(task), day(task.getVariable(MEETING_DATE.name()), MEETING_DATE.name(), clock.getZone()),
                text(task.getVariable(CHAIR.name())), list(text(task.getVariable(ATTENDEES.name()))),
                text(task.getVariable(MINUTES.name())), decisions);
        task.getExecution().removeVariable(MINUTES.name());
        task.getExecution().removeVariable(DECISIONS);
    }
}
