package io.millwright.kit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.ServiceProcess;

/** ServiceProcess against {@link FakeQuarkusApp}, packaged here as a one-class runnable jar. */
class ServiceProcessTest {

    private static final Duration READY = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path fakeApp;

    @BeforeAll
    static void packageFakeApp() throws Exception {
        Path classes = Path.of(FakeQuarkusApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packageDir = FakeQuarkusApp.class.getPackageName().replace('.', '/');
        Path dir = Files.createDirectories(Path.of("target", "fake-quarkus-app"));
        fakeApp = dir.resolve("quarkus-run.jar").toAbsolutePath();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeQuarkusApp.class.getName());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(fakeApp), manifest);
                DirectoryStream<Path> classFiles = Files.newDirectoryStream(classes.resolve(packageDir), "FakeQuarkusApp*.class")) {
            for (Path classFile : classFiles) {
                jar.putNextEntry(new JarEntry(packageDir + "/" + classFile.getFileName()));
                jar.write(Files.readAllBytes(classFile));
                jar.closeEntry();
            }
        }
    }

    @Test
    void startsOnAFreePortWithTheGivenPropertiesAndLogsToTarget() throws Exception {
        try (ServiceProcess app = ServiceProcess.start("fake-app", fakeApp, Map.of("fake.greeting", "hello plant"), READY)) {
            assertThat(app.baseUrl()).isEqualTo("http://127.0.0.1:" + app.httpPort());
            assertThat(get(app.baseUrl() + "/property?fake.greeting")).isEqualTo("hello plant");
            assertThat(get(app.baseUrl() + "/property?quarkus.http.port")).isEqualTo(String.valueOf(app.httpPort()));
            assertThat(app.logFile()).exists();
            assertThat(app.logFile().getFileName().toString()).matches("fake-app-\\d+\\.log");
            assertThat(app.logFile().toAbsolutePath().getParent()).isEqualTo(Path.of("target", "process-logs").toAbsolutePath());
            assertThat(Files.readString(app.logFile())).contains("fake app listening on " + app.httpPort());
        }
    }

    @Test
    void usesTheHttpPortWhenOneIsGiven() throws Exception {
        int port = ServiceProcess.freePort();
        try (ServiceProcess app = ServiceProcess.start("fake-app", fakeApp, Map.of("quarkus.http.port", String.valueOf(port)), READY)) {
            assertThat(app.httpPort()).isEqualTo(port);
            assertThat(get(app.baseUrl() + "/property?quarkus.http.port")).isEqualTo(String.valueOf(port));
        }
    }

    @Test
    void killThenRestartComesBackOnTheSamePortWithANewProcessAndLog() throws Exception {
        ServiceProcess first = ServiceProcess.start("fake-app", fakeApp, Map.of("fake.greeting", "first"), READY);
        String firstPid = get(first.baseUrl() + "/pid");
        first.kill();
        assertThat(listening(first.httpPort())).isFalse();

        ServiceProcess second = first.restart(READY);
        assertThat(second.httpPort()).isEqualTo(first.httpPort());
        assertThat(second.logFile()).isNotEqualTo(first.logFile());
        assertThat(get(second.baseUrl() + "/pid")).isNotEqualTo(firstPid);
        assertThat(get(second.baseUrl() + "/property?fake.greeting")).isEqualTo("first");

        second.stop();
        assertThat(listening(second.httpPort())).isFalse();
        second.close();
        first.close();
    }

    @Test
    void earlyExitFailsWithTheExitCodeAndTheLogTail() {
        assertThatThrownBy(() -> ServiceProcess.start("fake-app", fakeApp, Map.of("fake.exit-code", "3"), READY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fake-app exited during start-up (exit code 3)")
                .hasMessageContaining("fake app refusing to start, exit code 3");
    }

    @Test
    void notReadyInTimeFailsWithTheLastAnswerAndKillsTheProcess() {
        Throwable failure = catchThrowable(
                () -> ServiceProcess.start("fake-app", fakeApp, Map.of("fake.never-ready", "true"), Duration.ofSeconds(2)));

        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not ready within 2 s")
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("fake app listening on");
        Matcher port = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/q/health/ready").matcher(failure.getMessage());
        assertThat(port.find()).isTrue();
        assertThat(listening(Integer.parseInt(port.group(1)))).as("the unready process was killed").isFalse();
    }

    @Test
    void aMissingPackagedAppSaysHowToBuildIt() {
        assertThatThrownBy(() -> ServiceProcess.quarkusApp("services/no-such-service"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("services/no-such-service/target/quarkus-app/quarkus-run.jar")
                .hasMessageContaining("./mvnw package");
    }

    @Test
    void aPortInUseIsRefusedUpFront() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> ServiceProcess.start("fake-app", fakeApp,
                    Map.of("quarkus.http.port", String.valueOf(taken.getLocalPort())), READY))
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException refused) {
            return false;
        }
    }
}
