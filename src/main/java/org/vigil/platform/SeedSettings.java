package org.vigil.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vigil.seeds.*}: whether the demo data of {@code seeds/demo/} is loaded beside the reference data (the demo
 * profile sets it). Read by every capability that seeds demo data of its own.
 */
@ConfigurationProperties("vigil.seeds")
public record SeedSettings(@DefaultValue("false") boolean demo) {}
