package org.vigil.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationSettings.class, MailCatcherSettings.class})
class NotificationConfiguration {}
