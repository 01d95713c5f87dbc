package io.millwright.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlantConfigLoaderTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/config");

    @Test
    void minimalFileGetsDefaults() {
        PlantConfig config = PlantConfigLoader.load(FIXTURES.resolve("minimal.yaml"));

        assertThat(config.plantId()).isEqualTo("plant-01");
        ConnectionConfig connection = config.connections().get(0);
        assertThat(connection.url()).isEqualTo("simulated://line-1");
        assertThat(connection.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(connection.reconnectInitial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(connection.reconnectMax()).isEqualTo(Duration.ofSeconds(60));
        TagConfig tag = connection.tags().get(0);
        assertThat(tag).isEqualTo(new TagConfig("line1.speed", "sim-1", "RANDOM/speed:DINT", Duration.ofSeconds(1),
                TagDataType.NUMBER, "1", BigDecimal.ZERO, "line-1", TagClass.TELEMETRY));
    }

    @Test
    void theLocalRunsPlantFileLoadsWithThePressesStateAndFaultSignals() {
        PlantConfig config = PlantConfigLoader.load(java.nio.file.Path.of("../deploy/local/plant.yaml"));
        assertThat(config.plantId()).isEqualTo("plant-local");
        assertThat(config.connections()).extracting(c -> c.id()).contains("line-1", "cnc-1-plc");
        assertThat(config.connections().stream().flatMap(c -> c.tags().stream()).filter(t -> "cnc-1".equals(t.assetId())))
                .anySatisfy(t -> assertThat(t.isStateSignal()).isTrue())
                .anySatisfy(t -> assertThat(t.isFaultSignal()).isTrue());
    }

    @Test
    void fullFileReadsEveryProtocolAndField() {
        PlantConfig config = PlantConfigLoader.load(FIXTURES.resolve("full.yaml"));

        assertThat(config.connections()).extracting(ConnectionConfig::id).containsExactly("press-1", "oven-1", "filler-1", "sim-1");
        ConnectionConfig press = config.connection("press-1").orElseThrow();
        assertThat(press.readTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(press.reconnectInitial()).isEqualTo(Duration.ofMillis(500));
        assertThat(press.reconnectMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(press.scanGroups()).containsOnlyKeys(Duration.ofMillis(500), Duration.ofSeconds(5));
        assertThat(press.scanGroups().get(Duration.ofMillis(500))).extracting(TagConfig::id)
                .containsExactly("press1.oil-temperature", "press1.state");
        TagConfig temperature = press.tags().get(0);
        assertThat(temperature.unit()).isEqualTo("CEL");
        assertThat(temperature.deadband()).isEqualByComparingTo("0.5");
        assertThat(press.tags().get(1).tagClass()).isEqualTo(TagClass.EVENT);
        assertThat(config.connection("oven-1").orElseThrow().tags().get(0).address()).isEqualTo("ns=2;s=Oven/Zone1/Temperature;REAL");
        assertThat(config.connection("filler-1").orElseThrow().tags().get(0).dataType()).isEqualTo(TagDataType.BOOLEAN);
        assertThat(config.connection("sim-1").orElseThrow().tags().get(0).dataType()).isEqualTo(TagDataType.TEXT);
        assertThat(config.tags()).hasSize(8);
    }

    @Test
    void fullFileReadsLocalProcessing() {
        PlantConfig config = PlantConfigLoader.load(FIXTURES.resolve("full.yaml"));

        ConnectionConfig press = config.connection("press-1").orElseThrow();
        assertThat(press.tags().get(0).rangeMin()).isEqualByComparingTo("-20");
        assertThat(press.tags().get(0).rangeMax()).isEqualByComparingTo("150");
        assertThat(press.tags().get(1).states()).containsOnly(
                org.assertj.core.api.Assertions.entry("0", io.millwright.model.edge.MachineState.IDLE),
                org.assertj.core.api.Assertions.entry("1", io.millwright.model.edge.MachineState.RUNNING),
                org.assertj.core.api.Assertions.entry("3", io.millwright.model.edge.MachineState.RUNNING),
                org.assertj.core.api.Assertions.entry("2", io.millwright.model.edge.MachineState.FAULT));
        assertThat(config.connection("oven-1").orElseThrow().tags().get(1).aggregate()).isEqualTo(Duration.ofMinutes(1));
        TagConfig fault = config.connection("filler-1").orElseThrow().tags().get(1);
        assertThat(fault.tagClass()).as("a fault signal is an EVENT tag by default").isEqualTo(TagClass.EVENT);
        assertThat(fault.faults().get("23")).isEqualTo(new TagConfig.FaultCode("Capper torque fault",
                io.millwright.model.edge.AlertSeverity.CRITICAL));
    }

    @Test
    void localProcessingMistakesAreNamedWithLineAndField() {
        String yaml = """
                plant: p
                connections:
                  - id: c
                    url: simulated://x
                    tags:
                      - id: a
                        address: RANDOM/a:INT
                        scan: 1s
                        asset: m1
                        deadband: 1
                        aggregate: 10s
                      - id: b
                        address: RANDOM/b:INT
                        scan: 1s
                        asset: m3
                        class: telemetry
                        states: {running: 1}
                      - id: c1
                        address: RANDOM/c:INT
                        scan: 1s
                        asset: m1
                        range: {min: 10, max: 5}
                      - id: d
                        address: RANDOM/d:INT
                        scan: 1s
                        asset: m1
                        states: {spinning: 1, idle: 0}
                      - id: e
                        address: RANDOM/e:INT
                        scan: 1s
                        asset: m1
                        states: {running: 1}
                      - id: f
                        address: RANDOM/f:INT
                        scan: 1s
                        asset: m2
                        faults: {0: {text: none}}
                      - id: g
                        address: RANDOM/g:STRING
                        type: text
                        scan: 1s
                        asset: m2
                        aggregate: 1m
                """;
        assertThatThrownBy(() -> PlantConfigLoader.parse(yaml, "plant.yaml"))
                .isInstanceOf(PlantConfigException.class)
                .satisfies(e -> assertThat(((PlantConfigException) e).problems()).containsExactlyInAnyOrder(
                        "plant.yaml:11:20: connections[0].tags[0].aggregate: aggregate and deadband exclude each other (an aggregate uses every read)",
                        "plant.yaml:16:16: connections[0].tags[1].class: a tag with states or faults is a machine signal and must be class EVENT",
                        "plant.yaml:22:16: connections[0].tags[2].range: min (10) is greater than max (5)",
                        "plant.yaml:27:18: connections[0].tags[3].states.spinning: must be one of [RUNNING, IDLE, SETUP, FAULT, MAINTENANCE, OFFLINE, UNKNOWN]",
                        "plant.yaml:28:9: e.states: asset 'm1' already has its state signal in tag d",
                        "plant.yaml:37:18: connections[0].tags[5].faults.0: code 0 means 'no fault' and cannot be mapped",
                        "plant.yaml:37:17: connections[0].tags[5].faults: needs at least one fault code",
                        "plant.yaml:43:20: connections[0].tags[6].aggregate: only number tags can be aggregated"));
    }

    @Test
    void invalidFileIsRejectedWithEveryProblemNamingLineAndField() {
        Path file = FIXTURES.resolve("invalid.yaml");
        assertThatThrownBy(() -> PlantConfigLoader.load(file))
                .isInstanceOf(PlantConfigException.class)
                .satisfies(e -> {
                    List<String> problems = ((PlantConfigException) e).problems();
                    assertThat(problems).containsExactlyInAnyOrder(
                            file + ":6:7: connections[0].reconnect.max: must not be shorter than reconnect.initial",
                            file + ":11:15: connections[0].tags[0].scan: must be a duration like 500ms, 2s, 5m or 1h (was 'fast')",
                            file + ":17:16: connections[0].tags[1].class: must be one of [TELEMETRY, EVENT] (was 'ALARM')",
                            file + ":18:9: connections[0].tags[1].colour: unknown field (allowed: address, aggregate, asset, class, deadband, faults, id, range, scan, states, type, unit)",
                            file + ":13:9: connections[0].tags[1].id: duplicate tag id 'press1.temperature' (first defined at " + file + ":9:9)",
                            file + ":20:10: connections[1].url: must be a PLC4X connection string starting with modbus-tcp:, opcua:, s7: or simulated: (was 'mqtt://broker:1883')",
                            file + ":22:9: connections[1].tags[0].address: required field is missing");
                })
                .hasMessageStartingWith("Invalid plant configuration " + file);
    }

    @Test
    void addressesTheConnectionsDriverCannotParseAreNamedWithLineAndField() {
        String yaml = """
                plant: p
                connections:
                  - id: sim
                    url: simulated://x
                    tags:
                      - { id: a, address: "RANDOM/spindle-speed:DINT", scan: 1s, asset: m1 }
                      - { id: b, address: "RANDOM/spindleSpeed:DINT", scan: 1s, asset: m1 }
                  - id: press
                    url: modbus-tcp://127.0.0.1:502
                    tags:
                      - { id: c, address: "holding-register:1:INT", scan: 1s, asset: m1 }
                      - { id: d, address: "register-7", scan: 1s, asset: m1 }
                  - id: filler
                    url: s7://127.0.0.1
                    tags:
                      - { id: e, address: "%DB1.DBW2:INT", scan: 1s, asset: m1 }
                      - { id: f, address: "DB1 word 2", scan: 1s, asset: m1 }
                  - id: oven
                    url: opcua:tcp://127.0.0.1:4840/milo
                    tags:
                      - { id: g, address: "ns=2;s=Oven/Zone1/Temperature;REAL", scan: 1s, asset: m1 }
                      - { id: h, address: "Oven.Zone1", scan: 1s, asset: m1 }
                """;
        assertThatThrownBy(() -> PlantConfigLoader.parse(yaml, "plant.yaml"))
                .isInstanceOf(PlantConfigException.class)
                .satisfies(e -> assertThat(((PlantConfigException) e).problems()).satisfiesExactlyInAnyOrder(
                        p -> assertThat(p).startsWith("plant.yaml:6:27: connections[0].tags[0].address: not a valid simulated tag address: ")
                                .contains("RANDOM/spindle-speed:DINT"),
                        p -> assertThat(p).startsWith("plant.yaml:12:27: connections[1].tags[1].address: not a valid modbus-tcp tag address: "),
                        p -> assertThat(p).startsWith("plant.yaml:17:27: connections[2].tags[1].address: not a valid s7 tag address: "),
                        p -> assertThat(p).startsWith("plant.yaml:22:27: connections[3].tags[1].address: not a valid opcua tag address: ")));
    }

    @Test
    void opcUaSecurityIsReadWithPasswordsFromTheEnvironment() {
        Map<String, String> environment = Map.of("OPCUA_KEY_STORE_PASSWORD", "ks-secret", "OPCUA_OVEN1_PASSWORD", "oven1-secret");
        PlantConfig config = PlantConfigLoader.load(FIXTURES.resolve("opcua-security.yaml"), environment::get);

        ConnectionConfig oven1 = config.connection("oven-1").orElseThrow();
        assertThat(oven1.url()).isEqualTo("opcua:tcp://10.20.0.12:4840/milo?discovery=false");
        assertThat(oven1.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(oven1.security()).isEqualTo(new OpcUaSecurity(OpcUaSecurity.Policy.BASIC256SHA256,
                OpcUaSecurity.MessageMode.SIGN_AND_ENCRYPT, Path.of("/etc/millwright/tls/opcua/edge-gateway.p12"), "pkcs12",
                "ks-secret", Path.of("/etc/millwright/tls/opcua/servers/oven-1.der"), "edge-gateway", "oven1-secret"));
        ConnectionConfig oven2 = config.connection("oven-2").orElseThrow();
        assertThat(oven2.connectTimeout()).isEqualTo(ConnectionConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(oven2.security().policy()).isEqualTo(OpcUaSecurity.Policy.AES256_SHA256_RSAPSS);
        assertThat(oven2.security().mode()).isEqualTo(OpcUaSecurity.MessageMode.SIGN);
        assertThat(oven2.security().keyStoreType()).isEqualTo("jks");
        assertThat(oven2.security().keyStorePassword()).as("$$ is a literal $").isEqualTo("${literal}");
        assertThat(oven2.security().hasUser()).isFalse();
        assertThat(config.connection("oven-1").orElseThrow().toString()).as("no password in logs")
                .doesNotContain("ks-secret", "oven1-secret").contains("Basic256Sha256, sign-and-encrypt, user edge-gateway");
    }

    @Test
    void opcUaSecurityMistakesAreNamedWithLineAndField() {
        String yaml = """
                plant: p
                connections:
                  - id: a
                    url: opcua:tcp://10.0.0.1:4840?username=op&password=secret&discovery=false
                    security:
                      policy: Basic256Sha256
                      key-store: edge.p12
                      key-store-password: ${MISSING_PASSWORD}
                      username: op
                    tags:
                      - {id: a1, address: "ns=2;i=1;REAL", scan: 1s, asset: m}
                  - id: b
                    url: opcua:tcp://10.0.0.2:4840?discovery=true
                    security:
                      policy: Basic256Sha384
                      mode: encrypt
                      server-certificate: /pki/b.der
                      key-store: /pki/edge.p12
                      key-store-password: x
                    tags:
                      - {id: b1, address: "ns=2;i=1;REAL", scan: 1s, asset: m}
                  - id: c
                    url: opcua:tcp://10.0.0.3:4840
                    security:
                      policy: None
                      mode: sign
                      username: op
                      password: ${C_PASSWORD}
                    tags:
                      - {id: c1, address: "ns=2;i=1;REAL", scan: 1s, asset: m}
                  - id: d
                    url: modbus-tcp://10.0.0.4:502
                    security: {policy: Basic256Sha256, key-store: /k.p12, key-store-password: x, server-certificate: /s.der}
                    tags:
                      - {id: d1, address: "holding-register:1", scan: 1s, asset: m}
                """;
        assertThatThrownBy(() -> PlantConfigLoader.parse(yaml, "plant.yaml", Map.of("C_PASSWORD", "c-secret")::get))
                .isInstanceOf(PlantConfigException.class)
                .satisfies(e -> assertThat(((PlantConfigException) e).problems()).containsExactlyInAnyOrder(
                        "plant.yaml:6:7: connections[0].security: username needs a password",
                        "plant.yaml:7:18: connections[0].security.key-store: must be an absolute path (was 'edge.p12')",
                        "plant.yaml:8:27: connections[0].security.key-store-password: environment variable MISSING_PASSWORD is not set",
                        "plant.yaml:6:7: connections[0].security.server-certificate: required field is missing",
                        "plant.yaml:4:10: connections[0].url: option 'username' does not belong in the URL (shown on the status page and in logs): use the connection's security block",
                        "plant.yaml:4:10: connections[0].url: option 'password' does not belong in the URL (shown on the status page and in logs): use the connection's security block",
                        "plant.yaml:15:15: connections[1].security.policy: must be one of [None, Basic128Rsa15, Basic256, Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss] (was 'Basic256Sha384')",
                        "plant.yaml:16:13: connections[1].security.mode: must be sign or sign-and-encrypt (was 'encrypt')",
                        "plant.yaml:26:13: connections[2].security.mode: has no effect with policy None",
                        "plant.yaml:25:7: connections[2].security: a username and password need a security policy other than None (the OPC UA driver cannot send a password over an unsecured channel)",
                        "plant.yaml:33:15: connections[3].security: only OPC UA connections (opcua:) have a security block"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("c-secret"));
    }

    @Test
    void discoveryIsRefusedWithAPinnedServerCertificate() {
        String yaml = """
                plant: p
                connections:
                  - id: b
                    url: opcua:tcp://10.0.0.2:4840?discovery=true
                    security: {policy: Basic256Sha256, key-store: /k.p12, key-store-password: x, server-certificate: /s.der}
                    tags:
                      - {id: b1, address: "ns=2;i=1;REAL", scan: 1s, asset: m}
                """;
        assertThatThrownBy(() -> PlantConfigLoader.parse(yaml, "plant.yaml"))
                .isInstanceOf(PlantConfigException.class)
                .satisfies(e -> assertThat(((PlantConfigException) e).problems()).containsExactly(
                        "plant.yaml:4:10: connections[0].url: discovery=true with a security policy: the server certificate is pinned by"
                                + " security.server-certificate, remove discovery or set it to false"));
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> PlantConfigLoader.parse("plant: a\nconnections:\n  - id: [unclosed\n", "plant.yaml"))
                .isInstanceOf(PlantConfigException.class)
                .hasMessageContaining("plant.yaml:4:1: not valid YAML");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> PlantConfigLoader.load(FIXTURES.resolve("nope.yaml")))
                .isInstanceOf(PlantConfigException.class)
                .hasMessageContaining("nope.yaml")
                .hasMessageContaining("file does not exist");
    }
}
