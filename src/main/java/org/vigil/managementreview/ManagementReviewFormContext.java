package org.vigil.managementreview;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.vigil.platform.TaskFormContext;

/**
 * What the review's forms show beside their fields, read from its tables when a task is opened: the pack so far
 * (inputs, figures, the people's inputs) for the meeting, and the minutes and decisions for the sign-off. The people's
 * inputs and the minutes are free text, so they never become process variables.
 */
@Component
class ManagementReviewFormContext implements TaskFormContext {

    private final ManagementReviews reviews;

    ManagementReviewFormContext(ManagementReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public Map<String, Object> valuesFor(FormTask task) {
        if (!ManagementReviewProcess.KEY.equals(task.processDefinitionKey())
                || !(task.variable().apply(ManagementReviewVariables.REVIEW_ID.name()) instanceof Number id)) {
            return Map.of();
        }
        var values = new LinkedHashMap<String, Object>();
        switch (task.taskDefinitionKey()) {
            case ManagementReviewProcess.Task_HoldMeeting -> values.put("packText", pack(id.longValue()));
            case ManagementReviewProcess.Task_SignOff -> {
                var detail = reviews.detail(id.longValue());
                values.put("packText", pack(id.longValue()));
                values.put("minutesText", detail.minutes() == null ? "" : detail.minutes());
                values.put("decisionsText", detail.decisions().isEmpty() ? "none" : detail.decisions().stream()
                        .map(d -> d.position() + ". " + d.text() + " (" + d.ownerGroup() + (d.owner() == null ? "" : ", " + d.owner())
                                + ", due " + d.dueDate() + (d.correctiveActionId() == null ? "" : ", CA-" + d.correctiveActionId()) + ")")
                        .collect(Collectors.joining("\n")));
            }
            default -> { }
        }
        return values;
    }

    private String pack(long reviewId) {
        return reviews.detail(reviewId).pack().stream().map(p -> {
            if (p.input() == null) {
                return reviews.preparationTitle(p.key()) + " (" + p.ownerGroup() + "): "
                        + (p.statement() == null ? "not entered" : p.statement());
            }
            var in = p.input();
            return in.title() + " [" + in.source() + "]: " + (!in.available() ? "not available. " + String.join(" ", in.notes())
                    : in.figures().stream().map(f -> f.label() + " " + number(f.value()))
                            .collect(Collectors.joining("; ")) + (in.items().isEmpty() ? "" : "; " + in.items().size() + " items"));
        }).collect(Collectors.joining("\n"));
    }

    private static String number(Double value) {
        if (value == null) {
            return "n/a";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
