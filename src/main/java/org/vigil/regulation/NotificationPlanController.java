package org.vigil.regulation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/notification-plans}: a what-if plan for one incident; persists nothing (PLAN-API.md). */
@RestController
@RequestMapping("/api/notification-plans")
class NotificationPlanController {

    private final NotificationPlans notificationPlans;

    NotificationPlanController(NotificationPlans notificationPlans) {
        this.notificationPlans = notificationPlans;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    NotificationPlan plan(@RequestBody PlanRequest request) {
        return notificationPlans.plan(request);
    }
}
