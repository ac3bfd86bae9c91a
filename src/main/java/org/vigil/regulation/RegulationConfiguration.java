package org.vigil.regulation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads and validates the rule catalog once at start; a bad catalog stops the application with a message that
 * names the entry, because a plan from a broken catalog could miss a deadline.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegulationSettings.class)
class RegulationConfiguration {

    @Bean
    RuleCatalog ruleCatalog(RegulationSettings settings, ResourceLoader resources) {
        String location = settings.catalogLocation();
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new CatalogException("Breach-notification rule catalog " + location
                    + " not found (vigil.regulation.catalog-location)");
        }
        try (InputStream in = resource.getInputStream()) {
            return RuleCatalog.load(in, location, included -> {
                Resource file = resource.createRelative(included);
                return file.exists() ? file.getInputStream() : null;
            });
        } catch (IOException e) {
            throw new CatalogException("Breach-notification rule catalog " + location + " is not readable", e);
        }
    }

    @Bean
    NotificationPlans notificationPlans(RuleCatalog ruleCatalog) {
        return new NotificationPlans(ruleCatalog);
    }
}
