package org.vigil.regulation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/notification-plans}: a what-if plan for one incident; persists nothing (PLAN-API.md).
 * {@code GET /api/notification-plans/catalog}: the catalog it plans from, in words.
 */
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

    /** {@code GET /api/notification-plans/catalog}: the rule catalog for counsel's review (issue 17). */
    @GetMapping(path = "/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
    CatalogReport catalog() {
        return notificationPlans.catalogReport();
    }
}
