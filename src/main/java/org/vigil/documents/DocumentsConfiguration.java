package org.vigil.documents;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.apache.velocity.app.VelocityEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.vigil.platform.VelocityTemplates;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CompanyFacts.class, DocumentsSettings.class})
class DocumentsConfiguration {

    @Bean
    DocumentRenderer documentRenderer(VelocityEngine velocity, CompanyFacts company, Clock clock) {
        return new DocumentRenderer(velocity, company, clock.getZone());
    }

    @Bean
    VelocityTemplates.MacroLibrary documentLayout() {
        return new VelocityTemplates.MacroLibrary(DocumentRenderer.LAYOUT);
    }

    @Bean
    LetterBatchSettings letterBatchSettings(DocumentsSettings settings) {
        String nodeId = settings.nodeId();
        return new LetterBatchSettings(settings.batchDir().toAbsolutePath(), settings.batchPartSize(),
                nodeId.isBlank() ? hostName() : nodeId, settings.purgeAfter());
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
     * {@link DocumentsSettings} as a batch uses them: where batches are written (made absolute), letters per part, the
     * name under which this node claims the batch it runs ({@code vigil.documents.node-id}, default the host name; set
     * it when two nodes share a host), and how long after their dispatch a batch's files are kept
     * ({@code vigil.documents.purge-after}: time to answer the print house's questions, not a record; the checksums are
     * the record).
     */
    record LetterBatchSettings(Path directory, int partSize, String nodeId, Duration purgeAfter) {}
}
