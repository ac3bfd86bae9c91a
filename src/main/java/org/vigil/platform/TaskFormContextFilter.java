package org.vigil.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Adds the {@link TaskFormContext} of the capabilities to a task's form variables, as Tasklist and the engine REST API
 * serve them: only after the engine has answered 200, that is, after it allowed the caller to read the task. The
 * values never touch the engine; a capability that fails to give them leaves the form as the engine served it.
 */
class TaskFormContextFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TaskFormContextFilter.class);
    private static final Pattern FORM_VARIABLES =
            Pattern.compile("^(?:/camunda/api/engine/engine/([^/]+)|/engine-rest(?:/engine/[^/]+)?)/task/([^/]+)/form-variables$");

    private final List<TaskFormContext> contexts;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final ObjectMapper json;

    TaskFormContextFilter(List<TaskFormContext> contexts, TaskService tasks, RepositoryService repository, IdentityService identity,
            ObjectMapper json) {
        this.contexts = contexts;
        this.tasks = tasks;
        this.repository = repository;
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || contexts.isEmpty() || !FORM_VARIABLES.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        if (answer.getStatus() == HttpServletResponse.SC_OK) {
            Matcher path = FORM_VARIABLES.matcher(path(request));
            if (path.matches()) {
                byte[] withContext = withContext(answer.getContentAsByteArray(), path.group(2), viewerGroups(request, path.group(1)));
                if (withContext != null) {
                    answer.resetBuffer();
                    answer.getOutputStream().write(withContext);
                }
            }
        }
        answer.copyBodyToResponse();
    }

    /** The engine's answer with the context added beside its variables (never replacing one), or null to keep it. */
    private byte[] withContext(byte[] engineAnswer, String taskId, Set<String> viewerGroups) {
        var caller = identity.getCurrentAuthentication();
        // The engine has just let the caller read this task; what follows reads its keys and ids only.
        identity.clearAuthentication();
        try {
            var task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || task.getProcessDefinitionId() == null) {
                return null;
            }
            var formTask = new TaskFormContext.FormTask(repository.getProcessDefinition(task.getProcessDefinitionId()).getKey(),
                    task.getTaskDefinitionKey(), name -> tasks.getVariable(taskId, name), viewerGroups);
            Map<String, Object> values = new LinkedHashMap<>();
            contexts.forEach(context -> values.putAll(context.valuesFor(formTask)));
            if (values.isEmpty()) {
                return null;
            }
            var variables = (ObjectNode) json.readTree(engineAnswer);
            values.forEach((name, value) -> {
                if (!variables.has(name) && value != null) {
                    var variable = variables.putObject(name);
                    variable.put("type", value instanceof Long ? "Long" : value instanceof Integer ? "Integer" : "String");
                    if (value instanceof Number number) {
                        variable.putPOJO("value", number);
                    } else {
                        variable.put("value", String.valueOf(value));
                    }
                    variable.putObject("valueInfo");
                }
            });
            return json.writeValueAsBytes(variables);
        } catch (RuntimeException | IOException e) {
            // The values may hold patient data: the log names the task, never them.
            log.warn("Task {}: its form is shown without Vigil's context ({})", taskId, e.getClass().getSimpleName());
            return null;
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** Tasklist's caller from the webapps' session; an engine REST caller from Spring Security. */
    private static Set<String> viewerGroups(HttpServletRequest request, String webappEngine) {
        if (webappEngine != null) {
            var session = request.getSession(false);
            var authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            return authentications != null && authentications.getAuthenticationForProcessEngine(webappEngine) instanceof UserAuthentication user
                    && user.getGroupIds() != null ? Set.copyOf(user.getGroupIds()) : Set.of();
        }
        var caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null ? Set.of() : Set.copyOf(caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
