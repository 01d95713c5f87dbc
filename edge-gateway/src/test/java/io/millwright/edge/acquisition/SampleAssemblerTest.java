package io.millwright.edge.acquisition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionStatus;
import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.PlantConfig;
import io.millwright.edge.config.TagClass;
import io.millwright.edge.config.TagConfig;
import io.millwright.edge.config.TagDataType;
import io.millwright.edge.status.EdgeMetrics;
import io.millwright.model.edge.SampleQuality;

class SampleAssemblerTest {

    private final TagConfig temperature = tag("t.temperature", TagDataType.NUMBER, "0.5");
    private final TagConfig running = tag("t.running", TagDataType.BOOLEAN, "0");
    private final List<TagConfig> group = List.of(temperature, running);
    private final ConnectionConfig connection = new ConnectionConfig("plc", "simulated://x", Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(8), group);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final PlantConfig plant = new PlantConfig("p", List.of(connection));
    private final ConnectionSupervisor supervisor = new ConnectionSupervisor(plant, new EdgeMetrics(new SimpleMeterRegistry(), plant), clock);
    private final SampleAssembler assembler = new SampleAssembler(supervisor, clock);

    @Test
    void emptyMapFromCamelPlc4xIsBadBeforeAnyGoodValueAndStaleAfter() {
        List<Reading> first = assembler.assembleRead("plc", group, Map.of(), null);
        assertThat(first).extracting(Reading::quality).containsExactly(SampleQuality.BAD, SampleQuality.BAD);
        assertThat(first).allSatisfy(r -> assertThat(r.value()).isNull());
        assertThat(supervisor.health().get("plc").status()).isEqualTo(ConnectionStatus.DOWN);
        assertThat(assembler.assembleRead("plc", group, new HashMap<>(), null)).as("flagged once, not per poll").isEmpty();

        List<Reading> good = assembler.assembleRead("plc", group, Map.of("t0", (short) 215, "t1", true), null);
        assertThat(good).extracting(Reading::quality).containsExactly(SampleQuality.GOOD, SampleQuality.GOOD);
        assertThat(good.get(0).value().value()).isEqualByComparingTo("215");
        assertThat(good.get(1).value().value()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(supervisor.health().get("plc").status()).isEqualTo(ConnectionStatus.UP);

        List<Reading> lost = assembler.assembleRead("plc", group, null, null);
        assertThat(lost).extracting(Reading::quality).containsExactly(SampleQuality.STALE, SampleQuality.STALE);
        assertThat(lost.get(0).value().value()).isEqualByComparingTo("215");
        assertThat(lost.get(0).reason()).contains("last good value from 2026-11-22T10:00:00Z");
    }

    @Test
    void deadbandSuppressesSmallMovesButNotQualityChanges() {
        assertThat(assembler.assembleRead("plc", group, Map.of("t0", 100, "t1", false), null)).hasSize(2);
        assertThat(assembler.assembleRead("plc", group, Map.of("t0", 100.4f, "t1", false), null))
                .extracting(r -> r.tag().id()).containsExactly("t.running");
        assertThat(assembler.assembleRead("plc", group, Map.of("t0", 100.5f, "t1", false), null))
                .extracting(r -> r.tag().id()).containsExactly("t.temperature", "t.running");
    }

    @Test
    void aValueThatCannotBeConvertedIsBadForThatTagOnly() {
        Map<String, Object> values = Map.of("t0", "n/a", "t1", 1);
        List<Reading> readings = assembler.assembleRead("plc", group, values, null);
        assertThat(readings).extracting(Reading::quality).containsExactly(SampleQuality.BAD, SampleQuality.GOOD);
        assertThat(readings.get(0).reason()).isEqualTo("value 'n/a' of tag t.temperature is not a number");
    }

    @Test
    void aTagThePlcRefusesIsNamedAndTheConnectionStaysUp() {
        List<Reading> readings = assembler.assembleRead("plc", group, null,
                "Error during poll. Caused by: [PlcRuntimeException - Tag 't1' could not be fetched, response was NOT_FOUND]");
        assertThat(readings).extracting(Reading::quality).containsExactly(SampleQuality.BAD, SampleQuality.BAD);
        assertThat(readings.get(1).reason()).isEqualTo("PLC answered NOT_FOUND for address holding-register:2");
        assertThat(readings.get(0).reason()).contains("tag t.running in the same scan group failed");
        assertThat(supervisor.health().get("plc").status()).isEqualTo(ConnectionStatus.UP);
    }

    @Test
    void aRefusedAddressIsReportedOnceThePlcAnswersEvenIfItWasUnreachableBefore() {
        String refused = "Error during poll. Caused by: [PlcRuntimeException - Tag 't0' could not be fetched, response was INVALID_ADDRESS]";
        assertThat(assembler.assembleRead("plc", group, null, null)).extracting(Reading::reason)
                .allSatisfy(reason -> assertThat(reason).contains("PLC unreachable"));

        List<Reading> answered = assembler.assembleRead("plc", group, null, refused);
        assertThat(answered).extracting(Reading::quality).containsExactly(SampleQuality.BAD, SampleQuality.BAD);
        assertThat(answered.get(0).reason()).isEqualTo("PLC answered INVALID_ADDRESS for address holding-register:1");
        assertThat(assembler.assembleRead("plc", group, null, refused)).as("same cause: reported once").isEmpty();

        assertThat(assembler.assembleRead("plc", group, Map.of(), null)).as("unreachable again: the cause changed")
                .extracting(Reading::reason).allSatisfy(reason -> assertThat(reason).contains("PLC unreachable"));
        assertThat(assembler.assembleRead("plc", group, Map.of(), null)).isEmpty();
    }

    @Test
    void aSinglePrecisionRealKeepsItsDecimalValue() {
        List<Reading> readings = assembler.assembleRead("plc", group, Map.of("t0", 23.7f, "t1", false), null);
        assertThat(readings.get(0).value().value()).isEqualByComparingTo("23.7");
        assertThat(assembler.assembleRead("plc", group, Map.of("t0", 0.1d, "t1", false), null).get(0).value().value())
                .isEqualByComparingTo("0.1");
    }

    @Test
    void reconnectBackoffDoublesUpToTheMaximum() {
        assertThat(ConnectionSupervisor.backoff(connection, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ConnectionSupervisor.backoff(connection, 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ConnectionSupervisor.backoff(connection, 4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(ConnectionSupervisor.backoff(connection, 30)).isEqualTo(Duration.ofSeconds(8));
        supervisor.recordFailure("plc", "refused");
        assertThat(supervisor.attemptDue("plc")).as("fixed clock: still inside the backoff").isFalse();
    }

    @Test
    void valueOutsideTheConfiguredRangeIsBadWithTheValueAndRangeThenGoodAgain() {
        TagConfig pressure = new TagConfig("t.pressure", "plc", "holding-register:3", Duration.ofSeconds(1), TagDataType.NUMBER,
                "BAR", BigDecimal.ZERO, "asset-1", TagClass.TELEMETRY, new BigDecimal("0"), new BigDecimal("400"), null, null, null);
        List<TagConfig> one = List.of(pressure);

        assertThat(assembler.assembleRead("plc", one, Map.of("t0", 120), null)).extracting(Reading::quality).containsExactly(SampleQuality.GOOD);
        List<Reading> outside = assembler.assembleRead("plc", one, Map.of("t0", 512), null);
        assertThat(outside).singleElement().satisfies(r -> {
            assertThat(r.quality()).isEqualTo(SampleQuality.BAD);
            assertThat(r.value()).isNull();
            assertThat(r.reason()).isEqualTo("value 512 of tag t.pressure is outside its range [0, 400]");
        });
        assertThat(assembler.assembleRead("plc", one, Map.of("t0", -3), null)).as("still BAD: reported once").isEmpty();
        assertThat(assembler.assembleRead("plc", one, Map.of("t0", 399), null)).extracting(Reading::quality).containsExactly(SampleQuality.GOOD);
    }

    @Test
    void eventTagsAreForwardedOnChangeOnly() {
        TagConfig state = new TagConfig("t.state", "plc", "holding-register:4", Duration.ofSeconds(1), TagDataType.NUMBER,
                "1", BigDecimal.ZERO, "asset-1", TagClass.EVENT);
        List<TagConfig> one = List.of(state);

        assertThat(assembler.assembleRead("plc", one, Map.of("t0", 1), null)).hasSize(1);
        assertThat(assembler.assembleRead("plc", one, Map.of("t0", 1), null)).isEmpty();
        assertThat(assembler.assembleRead("plc", one, Map.of("t0", 2), null)).singleElement()
                .satisfies(r -> assertThat(r.value().value()).isEqualByComparingTo("2"));
    }

    private static TagConfig tag(String id, TagDataType type, String deadband) {
        String address = type == TagDataType.NUMBER ? "holding-register:1" : "holding-register:2";
        return new TagConfig(id, "plc", address, Duration.ofSeconds(1), type, "1", new BigDecimal(deadband), "asset-1",
                TagClass.TELEMETRY);
    }
}
