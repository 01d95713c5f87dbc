package io.millwright.edge.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.plc4x.java.api.PlcDriver;
import org.apache.plc4x.java.modbus.tcp.ModbusTcpDriver;
import org.apache.plc4x.java.opcua.OpcuaPlcDriver;
import org.apache.plc4x.java.s7.readwrite.S7Driver;
import org.apache.plc4x.java.simulated.SimulatedDriver;

/**
 * A tag address checked by the PLC4X driver of its connection's protocol, when the plant file is read. camel-plc4x
 * only parses addresses at the first read, and answers an address its driver cannot parse with an error that does
 * not name the tag (a NullPointerException for a simulated one): the connection would stay DOWN with no clue.
 */
final class TagAddressCheck {

    private static final Map<String, Supplier<PlcDriver>> DRIVERS = Map.of(
            "modbus-tcp", ModbusTcpDriver::new,
            "opcua", OpcuaPlcDriver::new,
            "s7", S7Driver::new,
            "simulated", SimulatedDriver::new);

    private TagAddressCheck() {
    }

    /** Why {@code address} is not a tag address of {@code protocol}, or empty when the driver accepts it. */
    static Optional<String> problem(String protocol, String address) {
        Supplier<PlcDriver> driver = DRIVERS.get(protocol);
        if (driver == null) {
            return Optional.empty(); // the connection's URL is reported instead
        }
        try {
            driver.get().prepareTag(address);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("not a valid " + protocol + " tag address: " + e.getMessage());
        }
    }
}
