package org.vigil.correctiveaction;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorrectiveActionSettings.class)
class CorrectiveActionConfiguration {}
