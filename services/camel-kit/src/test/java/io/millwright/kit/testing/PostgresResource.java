package io.millwright.kit.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest}'s default datasource at the test JVM's fresh database
 * ({@link PostgresDatabase#shared()}). The database outlives the test class: it is dropped when the JVM exits.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresDatabase database = PostgresDatabase.shared();
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; the exit hook drops it
    }
}
