package io.millwright.kit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.PostgresDatabase;

/**
 * Quarkus loads the test-jar again for every application restart within one test JVM; a second copy of the
 * classes must find the same broker and database instead of starting new ones.
 */
class SharedAcrossClassLoadersTest {

    @Test
    void anotherCopyOfTheClassesSeesAndControlsTheSameBrokerAndDatabase() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        PostgresDatabase database = PostgresDatabase.shared();

        try (URLClassLoader isolated = new URLClassLoader(classpath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> otherBrokerClass = isolated.loadClass(KafkaBroker.class.getName());
            Class<?> otherDatabaseClass = isolated.loadClass(PostgresDatabase.class.getName());
            assertThat(otherBrokerClass).isNotSameAs(KafkaBroker.class);

            Object otherBroker = otherBrokerClass.getMethod("shared").invoke(null);
            Object otherDatabase = otherDatabaseClass.getMethod("shared").invoke(null);
            assertThat(otherBrokerClass.getMethod("bootstrapServers").invoke(otherBroker)).isEqualTo(broker.bootstrapServers());
            assertThat(otherDatabaseClass.getMethod("name").invoke(otherDatabase)).isEqualTo(database.name());

            otherBrokerClass.getMethod("stop").invoke(otherBroker);
            assertThat(broker.isRunning()).isFalse();
            broker.start();
            assertThat(otherBrokerClass.getMethod("isRunning").invoke(otherBroker)).isEqualTo(true);
        }
    }

    private static URL[] classpath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
