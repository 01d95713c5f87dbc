package io.millwright.edge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.ServiceProcess;

/** The packaged gateway refuses to start on an invalid plant file, and says where the problems are. */
class EdgeGatewayStartupIT {

    @Test
    void invalidPlantFileStopsStartUpWithLineAndField() {
        Path invalid = Path.of("src/test/resources/fixtures/config/invalid.yaml").toAbsolutePath();
        Map<String, String> properties = Map.of(
                "millwright.edge.config", invalid.toString(),
                "millwright.edge.data-dir", EdgeTestProfile.freshDataDir().toString(),
                "millwright.edge.kafka.bootstrap-servers", "127.0.0.1:1");

        assertThatThrownBy(() -> ServiceProcess.start("edge-gateway-invalid", ServiceProcess.quarkusApp("edge-gateway"),
                properties, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited during start-up")
                .hasMessageContaining("Invalid plant configuration " + invalid)
                .hasMessageContaining(invalid + ":11:15: connections[0].tags[0].scan: must be a duration like 500ms, 2s, 5m or 1h (was 'fast')");
    }
}
