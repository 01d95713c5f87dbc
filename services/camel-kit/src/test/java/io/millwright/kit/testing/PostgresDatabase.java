package io.millwright.kit.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PGobject;

/**
 * A fresh database on the machine's PostgreSQL, one per test JVM: {@code mw_<yyyyMMdd_HHmmss>_<random4>} (UTC),
 * created through the admin database and dropped {@code WITH (FORCE)} when the JVM exits. Databases of that
 * shape older than a day, left by killed runs, are dropped when a new one is created.
 *
 * <p>The server defaults to {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres} without password
 * (trust auth); system properties {@code millwright.test.postgres.url}, {@code .username}, {@code .password}
 * (or environment variables {@code MILLWRIGHT_TEST_POSTGRES_URL}, {@code _USERNAME}, {@code _PASSWORD}) point
 * it elsewhere.
 */
public final class PostgresDatabase {

    private static final String NAME = "millwright.test.postgres.database";
    private static final String URL = "millwright.test.postgres.database-url";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final Pattern OWN_DATABASE = Pattern.compile("mw_(\\d{8}_\\d{6})_[a-z0-9]{4}");
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");
    private static final String RANDOM_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String name;
    private final String jdbcUrl;
    private final String username;
    private final String password;

    private PostgresDatabase(String name, String jdbcUrl, String username, String password) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** The database of this test JVM, created on first use. */
    public static synchronized PostgresDatabase shared() {
        synchronized (TestInfrastructure.JVM_LOCK) {
            String existing = System.getProperty(NAME);
            if (existing != null) {
                return new PostgresDatabase(existing, System.getProperty(URL), System.getProperty(ShutdownCleanup.ADMIN_USER),
                        System.getProperty(ShutdownCleanup.ADMIN_PASSWORD));
            }
            String adminUrl = setting("url", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = setting("username", "postgres");
            String password = setting("password", "");
            Matcher url = JDBC_URL.matcher(adminUrl);
            if (!url.matches()) {
                throw new IllegalStateException("Expected jdbc:postgresql://host[:port]/database[?options] as the admin URL, got "
                        + adminUrl);
            }
            TestInfrastructure.ensureShutdownHook();
            Instant now = Instant.now();
            String name = "mw_" + STAMP.format(now.atOffset(ZoneOffset.UTC)) + "_" + random4();
            try (Connection admin = ShutdownCleanup.connect(adminUrl, user, password)) {
                dropStaleDatabases(admin, now);
                try (Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + name + " through " + adminUrl + " as " + user
                        + ": " + e.getMessage() + ". Tests expect a PostgreSQL server there (override with -Dmillwright.test.postgres.url"
                        + " / .username / .password).", e);
            }
            String jdbcUrl = url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
            System.setProperty(ShutdownCleanup.ADMIN_URL, adminUrl);
            System.setProperty(ShutdownCleanup.ADMIN_USER, user);
            System.setProperty(ShutdownCleanup.ADMIN_PASSWORD, password);
            TestInfrastructure.appendToList(ShutdownCleanup.DATABASES, name);
            System.setProperty(URL, jdbcUrl);
            System.setProperty(NAME, name);
            return new PostgresDatabase(name, jdbcUrl, user, password);
        }
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** A new connection (autocommit) to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return ShutdownCleanup.connect(jdbcUrl, username, password);
    }

    /** The first column of the first row as a long, e.g. {@code count("select count(*) from x where id = ?", id)}. */
    public long count(String sql, Object... params) {
        try (Connection connection = connect()) {
            return count(connection, sql, params);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** {@link #count(String, Object...)} on a connection the caller keeps, e.g. a benchmark polling every second. */
    public long count(Connection connection, String sql, Object... params) {
        List<Map<String, Object>> rows = query(connection, sql, params);
        if (rows.isEmpty()) {
            throw new IllegalStateException("No row returned by: " + sql);
        }
        Object value = rows.get(0).values().iterator().next();
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        if (value == null) {
            throw new IllegalStateException("NULL in the first column of: " + sql);
        }
        return Long.parseLong(value.toString());
    }

    /**
     * All rows, each a map from column label to value in column order. json/jsonb and other PostgreSQL-specific
     * values come back as their text.
     */
    public List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection connection = connect()) {
            return query(connection, sql, params);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** {@link #query(String, Object...)} on a connection the caller keeps. */
    public List<Map<String, Object>> query(Connection connection, String sql, Object... params) {
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet resultSet = statement.executeQuery()) {
            ResultSetMetaData meta = resultSet.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (resultSet.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    Object value = resultSet.getObject(column);
                    row.put(meta.getColumnLabel(column), value instanceof PGobject ? ((PGobject) value).getValue() : value);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Runs a statement (DDL or DML) in autocommit. */
    public void execute(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, params)) {
            statement.execute();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public String toString() {
        return "PostgresDatabase[" + jdbcUrl + "]";
    }

    private PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; params != null && i < params.length; i++) {
            Object param = params[i];
            if (param instanceof Instant) {
                param = ((Instant) param).atOffset(ZoneOffset.UTC);
            } else if (param instanceof Enum<?>) {
                param = ((Enum<?>) param).name();
            }
            statement.setObject(i + 1, param);
        }
        return statement;
    }

    private IllegalStateException failure(String sql, SQLException e) {
        return new IllegalStateException("SQL failed on " + name + ": " + e.getMessage() + "\n  " + sql, e);
    }

    /** Databases of our naming shape whose timestamp is more than a day old: leftovers of killed runs. */
    private static void dropStaleDatabases(Connection admin, Instant now) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet names = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'mw\\_%'")) {
            while (names.next()) {
                String candidate = names.getString(1);
                Matcher matcher = OWN_DATABASE.matcher(candidate);
                if (!matcher.matches()) {
                    continue;
                }
                try {
                    OffsetDateTime created = LocalDateTime.parse(matcher.group(1), STAMP).atOffset(ZoneOffset.UTC);
                    if (created.toInstant().isBefore(now.minusSeconds(24 * 3600))) {
                        stale.add(candidate);
                    }
                } catch (DateTimeParseException notOurs) {
                    // same shape, not a timestamp: leave it alone
                }
            }
        }
        for (String database : stale) {
            try {
                ShutdownCleanup.dropDatabase(admin, database);
            } catch (SQLException e) {
                // another test JVM may be dropping it at the same moment
                System.err.println("[millwright-test] could not drop stale database " + database + ": " + e.getMessage());
            }
        }
    }

    private static String setting(String key, String defaultValue) {
        String value = System.getProperty("millwright.test.postgres." + key);
        if (value == null) {
            value = System.getenv("MILLWRIGHT_TEST_POSTGRES_" + key.toUpperCase(Locale.ROOT));
        }
        return value == null ? defaultValue : value;
    }

    private static String random4() {
        SecureRandom random = new SecureRandom();
        StringBuilder suffix = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            suffix.append(RANDOM_CHARS.charAt(random.nextInt(RANDOM_CHARS.length())));
        }
        return suffix.toString();
    }
}
