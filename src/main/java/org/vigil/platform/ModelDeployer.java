package org.vigil.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model under {@code processes/} and every form under {@code forms/} as one deployment, named by
 * their path, when the engine starts. Duplicate filtering makes a restart without a change a no-op; a change
 * to any file redeploys them all, so each process version finds its forms in its own deployment
 * ({@code camunda:formRefBinding="deployment"}).
 */
@Component
class ModelDeployer extends AbstractProcessEnginePlugin {

    static final String DEPLOYMENT_NAME = "vigil";
    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);
    private static final String[] PATTERNS = {
        "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form"
    };

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        int count = 0;
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources(pattern)) {
                    deployment.addInputStream(nameOf(resource), new ByteArrayInputStream(resource.getContentAsByteArray()));
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the models to deploy", e);
        }
        if (count == 0) {
            log.warn("No models found under processes/ or forms/: nothing deployed");
            return;
        }
        var result = deployment.deployWithResult();
        log.info("Deployment {}: {} resources, {} process definitions (new ones only when something changed)",
                result.getId(), count, result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size());
    }

    /** The path from the top-level folder on, e.g. {@code processes/breach-response.bpmn}: stable across machines. */
    static String nameOf(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        int processes = url.lastIndexOf("/processes/");
        int forms = url.lastIndexOf("/forms/");
        return url.substring(Math.max(processes, forms) + 1);
    }
}
