package io.millwright.kit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.PostgresResource;

class PostgresDatabaseTest {

    private final PostgresDatabase database = PostgresDatabase.shared();

    @Test
    void createsAFreshDatabaseNamedForThisRun() throws Exception {
        assertThat(database.name()).matches("mw_\\d{8}_\\d{6}_[a-z0-9]{4}");
        assertThat(database.count("select count(*) from pg_database where datname = ?", database.name())).isEqualTo(1);
        assertThat(database.jdbcUrl()).endsWith("/" + database.name());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("select current_database()")) {
            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getString(1)).isEqualTo(database.name());
        }
    }

    @Test
    void isOnePerJvm() {
        assertThat(PostgresDatabase.shared().name()).isEqualTo(database.name());
    }

    @Test
    void executeCountAndQueryWorkWithParameters() {
        database.execute("create table if not exists kit_probe (id text primary key, qty int, at timestamptz, doc jsonb)");
        database.execute("delete from kit_probe");
        database.execute("insert into kit_probe values (?, ?, ?, ?::jsonb)", "a", 1, Instant.parse("2026-01-02T03:04:05Z"), "{\"lot\":\"L1\"}");
        database.execute("insert into kit_probe values (?, ?, ?, ?::jsonb)", "b", 2, Instant.now(), "{}");

        assertThat(database.count("select count(*) from kit_probe")).isEqualTo(2);
        assertThat(database.count("select sum(qty) from kit_probe where id in (?, ?)", "a", "b")).isEqualTo(3);
        List<Map<String, Object>> rows = database.query("select id, qty, doc from kit_probe where id = ?", "a");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly(Map.entry("id", "a"), Map.entry("qty", 1), Map.entry("doc", "{\"lot\": \"L1\"}"));
    }

    @Test
    void sqlErrorsNameTheStatement() {
        assertThatThrownBy(() -> database.count("select count(*) from no_such_table"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(database.name())
                .hasMessageContaining("no_such_table");
    }

    @Test
    void postgresResourceHandsOutTheDatasource() {
        assertThat(new PostgresResource().start()).containsOnly(
                Map.entry("quarkus.datasource.db-kind", "postgresql"),
                Map.entry("quarkus.datasource.jdbc.url", database.jdbcUrl()),
                Map.entry("quarkus.datasource.username", "postgres"),
                Map.entry("quarkus.datasource.password", ""));
    }
}
