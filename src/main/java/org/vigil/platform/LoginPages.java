package org.vigil.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The login and logout forms of Vigil's pages (/sla, /notices), in Vigil's look. Spring Security's generated form
 * named no one and linked a stylesheet ({@code /default-ui.css}) that the pages' security chain never served. The
 * fields and the token are those the generated form had ({@code username}, {@code password}, {@code _csrf}).
 */
@Controller
class LoginPages {

    private final String layout;

    LoginPages() {
        try {
            layout = new ClassPathResource("platform/login-layout.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(CsrfToken csrf, @RequestParam(required = false) String error, @RequestParam(required = false) String logout) {
        String notice = error != null ? "<p class=\"notice error\" role=\"alert\">Wrong user name or password.</p>"
                : logout != null ? "<p class=\"notice\" role=\"status\">You have logged out.</p>" : "";
        return page("Log in", """
                <h1>Log in to Vigil</h1>
                %s
                <p>The SLA dashboard and the breach notices, for managers, the privacy office and the CISO. Your tasks are in
                  <a href="/camunda/app/tasklist/">Tasklist</a>.</p>
                <form method="post" action="/login">
                  <label for="username">User name</label>
                  <input type="text" id="username" name="username" autocomplete="username" required autofocus>
                  <label for="password">Password</label>
                  <input type="password" id="password" name="password" autocomplete="current-password" required>
                  %s
                  <button type="submit">Log in</button>
                </form>""".formatted(notice, token(csrf)));
    }

    /** Logging out is a POST with the token (a link could be forged by another site); this is its form. */
    @GetMapping(value = "/logout", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String logout(CsrfToken csrf) {
        return page("Log out", """
                <h1>Log out of Vigil?</h1>
                <form method="post" action="/logout">
                  %s
                  <button type="submit">Log out</button>
                </form>""".formatted(token(csrf)));
    }

    private String page(String title, String body) {
        return layout.replace("{{title}}", title).replace("{{body}}", body);
    }

    private static String token(CsrfToken csrf) {
        return "<input name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" type=\"hidden\" value=\""
                + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
    }
}
