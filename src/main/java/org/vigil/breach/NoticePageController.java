package org.vigil.breach;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The notices page ({@code /notices?incident=ID}): upload the affected, preview each notice, follow the letters. */
@Controller
class NoticePageController {

    @GetMapping({NoticeController.PAGE, NoticeController.PAGE + "/"})
    String page() {
        return "forward:/notices/index.html";
    }
}
