package org.vigil.regulation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code vigil.regulation.*}: where the breach-notification rule catalog is read from at start. */
@ConfigurationProperties("vigil.regulation")
record RegulationSettings(
        @DefaultValue("classpath:seeds/regulation/breach-notification-rules.yaml") String catalogLocation) {
}
