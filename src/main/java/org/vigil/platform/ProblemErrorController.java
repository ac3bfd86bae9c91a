package org.vigil.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * Errors that reach the servlet container's error page (a refused login, a failure no handler caught) answer API
 * clients with a problem body (RFC 9457) instead of Spring Boot's own shape; a browser opening a page gets Vigil's
 * page for the status ({@code static/error/403.html}, {@code 404.html}, {@code 4xx.html}, {@code 5xx.html}, found by
 * Spring Boot's error view resolver), never the Whitelabel page. The detail is the status's phrase: the failure's
 * message may quote what the caller sent.
 */
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties errorProperties, List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, errorProperties, errorViewResolvers);
    }

    /** Chosen by Spring MVC for {@code Accept: text/html}; a call to the API keeps its problem body all the same. */
    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (BrowserPages.wantsPage(request)) {
            return super.errorHtml(request, response);
        }
        var problem = error(request);
        response.setStatus(problem.getStatusCode().value());
        var json = new MappingJackson2JsonView();
        json.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.setExtractValueFromSingleKeyModel(true);
        return new ModelAndView(json, "problem", problem.getBody() == null ? Map.of() : problem.getBody());
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", status.is5xxServerError() ? "The request could not be completed" : status.getReasonPhrase());
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            body.put("instance", path);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
