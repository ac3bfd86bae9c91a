package org.vigil.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Event listeners between capabilities run after commit on their own threads; retries and digests are scheduled. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class AsyncAndSchedulingConfiguration {}
