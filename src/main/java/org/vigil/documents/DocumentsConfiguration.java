package org.vigil.documents;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CompanyFacts.class)
class DocumentsConfiguration {

    @Bean
    DocumentRenderer documentRenderer(CompanyFacts company, Clock clock) {
        return new DocumentRenderer(company, clock.getZone());
    }

    @Bean
    LetterBatchSettings letterBatchSettings(@Value("${vigil.documents.batch-dir:./data/letters}") Path directory,
            @Value("${vigil.documents.batch-part-size:1000}") int partSize) {
        return new LetterBatchSettings(directory.toAbsolutePath(), partSize);
    }

    /** One batch at a time, beside the web and job threads: a big batch takes a core, not the machine. */
    @Bean
    ThreadPoolTaskExecutor letterBatchExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("letter-batch-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    record LetterBatchSettings(Path directory, int partSize) {}
}
