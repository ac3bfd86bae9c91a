package org.vigil.documents;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
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
            @Value("${vigil.documents.batch-part-size:1000}") int partSize, @Value("${vigil.documents.node-id:}") String nodeId) {
        return new LetterBatchSettings(directory.toAbsolutePath(), partSize, nodeId.isBlank() ? hostName() : nodeId);
    }

    /** The host's name: stable across restarts of a machine or container, so a node resumes its own batches at once. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node-" + UUID.randomUUID();
        }
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

    /**
     * Where batches are written, letters per part, and the name under which this node claims the batch it runs
     * ({@code vigil.documents.node-id}, default the host name; set it when two nodes share a host).
     */
    record LetterBatchSettings(Path directory, int partSize, String nodeId) {}
}
