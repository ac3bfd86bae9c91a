package org.vigil.regulation;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /catalog}: the breach-notification rule catalog for the privacy office and counsel (every jurisdiction, its
 * definition, its duties with citations and confidence), behind the pages' login (platform's security rules).
 */
@Controller
class CatalogPage {

    static final String PAGE = "/catalog";

    private final NotificationPlans notificationPlans;

    CatalogPage(NotificationPlans notificationPlans) {
        this.notificationPlans = notificationPlans;
    }

    @GetMapping({PAGE, PAGE + "/"})
    String page() {
        return "forward:/catalog/index.html";
    }

    @GetMapping(path = PAGE + "/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    CatalogReport data() {
        return notificationPlans.catalogReport();
    }
}
