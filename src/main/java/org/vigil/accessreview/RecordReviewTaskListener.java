package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.BULK_DECISION;
import static org.vigil.accessreview.AccessReviewVariables.BULK_REASON;
import static org.vigil.accessreview.AccessReviewVariables.BULK_SCOPE;
import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.DECISIONS;
import static org.vigil.accessreview.AccessReviewVariables.REVIEWER;
import static org.vigil.accessreview.AccessReviewVariables.REVIEW_ITEMS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vigil.accessreview.AccessReviewApi.DecisionInput;
import org.vigil.platform.JsonListVariables;

/**
 * Task_ReviewAccess, event complete: applies the decision of each row of the form ({@code reviewItems}), the lines of
 * {@code decisions} where a caller sends them, and the bulk decision, for the reviewer. A refusal (own access, reason
 * missing) fails the completion with its message naming the form's label and the row's account, so the reviewer sees
 * it in Tasklist. The free-text fields are removed from the process afterwards: decisions and reasons live in the
 * campaign's tables.
 */
@Component
class RecordReviewTaskListener extends AccessReviewTaskListener {

    private final ReviewDecisions decisions;

    RecordReviewTaskListener(ReviewDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    void act(DelegateTask task) {
        List<DecisionInput> inputs = new ArrayList<>(fromRows(JsonListVariables.rows(task, REVIEW_ITEMS)));
        inputs.addAll(ReviewDecisions.parseLines(DECISIONS.from(task)));
        var bulk = new AccessReviewApi.BulkDecision(BULK_DECISION.from(task), BULK_REASON.from(task), BULK_SCOPE.from(task));
        decisions.completeReview(CAMPAIGN_ID.from(task), REVIEWER.from(task), actingUser(task), inputs, bulk,
                ReviewDecisions.FieldNames.FORM);
        for (var formField : List.of(DECISIONS, BULK_DECISION, BULK_SCOPE, BULK_REASON)) {
            formField.remove(task.getExecution());
        }
    }

    /** The rows with a decision; a row left at "not decided" stays undecided (or takes the bulk decision). */
    static List<DecisionInput> fromRows(List<Map<String, Object>> rows) {
        List<DecisionInput> inputs = new ArrayList<>();
        int number = 0;
        for (Map<String, Object> row : rows) {
            number++;
            Object decision = row.get("decision");
            if (decision == null || decision.toString().isBlank()) {
                continue;
            }
            Object reason = row.get("reason");
            inputs.add(new DecisionInput(itemOf(row.get("item"), number), decision.toString(),
                    reason == null ? null : reason.toString()));
        }
        return inputs;
    }

    private static long itemOf(Object value, int row) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && text.strip().matches("\\d{1,18}")) {
            return Long.parseLong(text.strip());
        }
        throw new IllegalArgumentException("'Accounts to review', row " + row + ": the row names no item; reload the task");
    }
}
