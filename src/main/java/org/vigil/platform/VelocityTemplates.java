package org.vigil.platform;

import java.util.List;
import java.util.Properties;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.IncludeEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.apache.velocity.util.introspection.SecureUberspector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one Velocity engine, for every capability's templates under {@code templates/} on the classpath (mails,
 * reports, letters), UTF-8. Strict references, so a missing value fails instead of printing {@code $name}; templates
 * reach the values they are given and nothing else (no reflection, no class loading), and {@code #parse} and
 * {@code #include} reach only {@code templates/}. What differs by output stays with the capability that renders it:
 * HTML escaping of every inserted value, say, is attached to the documents' own contexts.
 */
@Configuration(proxyBeanMethods = false)
public class VelocityTemplates {

    static final String ROOT = "templates/";

    /** A file of {@code #macro}s that a capability's templates use, loaded once when the engine starts. */
    public record MacroLibrary(String path) {}

    @Bean
    VelocityEngine velocityEngine(ObjectProvider<MacroLibrary> libraries) {
        return engine(libraries.orderedStream().map(MacroLibrary::path).toList());
    }

    /** The engine as the application has it, for tests of one capability's templates without Spring. */
    public static VelocityEngine engine(List<String> macroLibraries) {
        var properties = new Properties();
        properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        properties.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        properties.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        properties.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SecureUberspector.class.getName());
        properties.setProperty(RuntimeConstants.EVENTHANDLER_INCLUDE, TemplatesFolderOnly.class.getName());
        if (!macroLibraries.isEmpty()) {
            properties.setProperty(RuntimeConstants.VM_LIBRARY, String.join(",", macroLibraries));
        }
        var velocity = new VelocityEngine(properties);
        velocity.init();
        return velocity;
    }

    /** {@code #parse} and {@code #include} within {@code templates/}, no climbing out. Public: Velocity instantiates it by name. */
    public static final class TemplatesFolderOnly implements IncludeEventHandler {
        @Override
        public String includeEvent(Context context, String includeResourcePath, String currentResourcePath, String directiveName) {
            String path = includeResourcePath.startsWith("/") ? includeResourcePath.substring(1) : includeResourcePath;
            return path.startsWith(ROOT) && !path.contains("..") && !path.contains("\\") ? path : null;
        }
    }
}
