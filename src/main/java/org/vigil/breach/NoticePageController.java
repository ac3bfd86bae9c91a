package org.vigil.breach;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The breach pages: the notices page ({@code /notices?incident=ID}: upload the affected, preview each notice, follow
 * the letters) and the evidence page ({@code /evidence?incident=ID}: attach and list an incident's evidence files).
 */
@Controller
class NoticePageController {

    @GetMapping({NoticeController.PAGE, NoticeController.PAGE + "/"})
    String page() {
        return "forward:/notices/index.html";
    }

    @GetMapping({EvidenceController.PAGE, EvidenceController.PAGE + "/"})
    String evidencePage() {
        return "forward:/evidence/index.html";
    }
}
