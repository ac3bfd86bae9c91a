package org.vigil.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * Without {@code spring.datasource.url}, Vigil brings its own MariaDB. The data source depends on the server,
 * so on shutdown the pool and the engine close before the server stops.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @ConfigurationProperties("vigil.embedded-db")
    record EmbeddedDbSettings(
            @DefaultValue("./data/mariadb") Path dataDir,
            @DefaultValue("0") int port,
            @DefaultValue("vigil") String database) {}

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDbSettings settings) {
        return EmbeddedMariaDb.start(settings.dataDir(), settings.port(), settings.database());
    }

    @Bean
    @DependsOn("embeddedMariaDb")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb server, DataSourceProperties properties) {
        properties.setUrl(server.jdbcUrl());
        properties.setUsername(server.user());
        properties.setPassword(server.password());
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
}
