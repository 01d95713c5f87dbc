package io.millwright.edge.acquisition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.apache.camel.component.plc4x.Plc4XComponent;
import org.apache.camel.component.plc4x.Plc4XEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.TagClass;
import io.millwright.edge.config.TagConfig;
import io.millwright.edge.config.TagDataType;

/** The endpoint URI of a scan group, parsed by Camel as the route does: every address must arrive as written. */
class ScanGroupTest {

    @Test
    void s7OpcUaAndModbusAddressesReachCamelPlc4xAsWritten() throws Exception {
        List<String> addresses = List.of("%DB1.DBX0.0:BOOL", "%DB1.DBW2:INT", "%DB12.DBD4:REAL", "%MW10:INT", "%I0.1:BOOL",
                "holding-register:1", "ns=2;s=Line1.Temperature;LREAL");
        List<TagConfig> tags = addresses.stream()
                .map(a -> new TagConfig("t" + a.hashCode(), "plc", a, Duration.ofSeconds(1), TagDataType.NUMBER, "1",
                        BigDecimal.ZERO, "asset", TagClass.TELEMETRY))
                .toList();
        ScanGroup group = new ScanGroup(new ConnectionConfig("plc", "s7://127.0.0.1:102?remote-rack=0&remote-slot=1",
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), tags), Duration.ofSeconds(1), tags);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("plc4x", new Plc4XComponent());
            Plc4XEndpoint endpoint = (Plc4XEndpoint) camel.getEndpoint(group.endpointUri());
            for (int i = 0; i < addresses.size(); i++) {
                assertThat(endpoint.getTags()).containsEntry(SampleAssembler.alias(i), addresses.get(i));
            }
        }
    }
}
