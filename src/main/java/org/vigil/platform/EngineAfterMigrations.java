package org.vigil.platform;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine starts after Flyway: Camunda's tables come from a migration ({@link CamundaSchemaMigration}),
 * and the engine no longer creates them itself. Registered in META-INF/spring.factories.
 */
class EngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class);
    }
}
