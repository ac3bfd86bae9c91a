package org.vigil.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Bounded input on every path: malformed request lines and oversized bodies are refused before anything parses
 * them, each with a problem body (Vigil's API, the engine REST API and the webapps' API alike).
 */
@Configuration(proxyBeanMethods = false)
class HttpInputConfiguration {

    /**
     * {@code vigil.http.max-body-size}: any JSON or form body. {@code vigil.http.upload-paths}: the endpoints that
     * take a file as the body itself (CSV or JSON lists), which get {@code spring.servlet.multipart.max-file-size}.
     */
    @ConfigurationProperties("vigil.http")
    record HttpSettings(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue List<String> uploadPaths) {}

    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return new ProblemRequestRejectedHandler(new Problems(json));
    }

    /** Spring Security's own firewall (for requests that pass the filter below) answers the same way. */
    @Bean
    WebSecurityCustomizer firewallWithProblemBodies(HttpFirewall firewall, RequestRejectedHandler handler) {
        return web -> web.httpFirewall(firewall).requestRejectedHandler(handler);
    }

    @Bean
    FilterRegistrationBean<RequestPathFilter> requestPathFilter(HttpFirewall firewall, RequestRejectedHandler handler) {
        var registration = new FilterRegistrationBean<>(new RequestPathFilter(firewall, handler));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpSettings settings, MultipartProperties multipart,
            ObjectMapper json) {
        var parser = PathPatternParser.defaultInstance;
        var filter = new RequestBodyLimitFilter(
                new RequestBodyLimitFilter.Limit(settings.maxBodySize().toBytes(), "vigil.http.max-body-size"),
                new RequestBodyLimitFilter.Limit(multipart.getMaxFileSize().toBytes(), "spring.servlet.multipart.max-file-size"),
                new RequestBodyLimitFilter.Limit(multipart.getMaxRequestSize().toBytes(), "spring.servlet.multipart.max-request-size"),
                settings.uploadPaths().stream().map(parser::parse).toList(), new Problems(json));
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        // Right after the path check and before every filter that reads a body (the orQueries guard reads it whole).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * After Spring Boot's own Tomcat customizer (which adds a plain error report valve), so that the host keeps this
     * one valve only.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            var host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            host.getPipeline().addValve(new ProblemErrorReportValve());
        });
    }

    @Bean
    ProblemErrorController problemErrorController(ErrorAttributes errorAttributes, ServerProperties server,
            List<ErrorViewResolver> errorViewResolvers) {
        return new ProblemErrorController(errorAttributes, server.getError(), errorViewResolvers);
    }
}
