package org.vigil.managementreview;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ManagementReviewSettings.class)
class ManagementReviewConfiguration {}
