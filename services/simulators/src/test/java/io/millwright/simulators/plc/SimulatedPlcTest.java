package io.millwright.simulators.plc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The simulated PLC speaks Modbus TCP: a register set through /sim/plc is what a Modbus client reads, and back. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SimulatedPlcTest {

    @Test
    void registersSetByTheAdminApiAreReadOverModbusAndWritesComeBack() throws Exception {
        given().post("/sim/plc/reset").then().statusCode(204);
        given().contentType(ContentType.JSON).body("{\"value\": 17}").put("/sim/plc/registers/2").then().statusCode(200)
                .body("value", equalTo(17));
        int port = given().get("/sim/plc/registers").then().statusCode(200).body("registers.2", equalTo(17)).extract().path("modbusPort");

        try (Socket socket = new Socket("127.0.0.1", port); DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                DataInputStream in = new DataInputStream(socket.getInputStream())) {
            // read holding registers 0..2 (holding-register:1..3)
            out.write(new byte[] {0, 7, 0, 0, 0, 6, 1, 3, 0, 0, 0, 3});
            out.flush();
            assertThat(in.readUnsignedShort()).isEqualTo(7);
            in.readUnsignedShort();
            assertThat(in.readUnsignedShort()).isEqualTo(9);
            assertThat(in.readUnsignedByte()).isEqualTo(1);
            assertThat(in.readUnsignedByte()).isEqualTo(3);
            assertThat(in.readUnsignedByte()).isEqualTo(6);
            assertThat(new int[] {in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort()}).containsExactly(0, 17, 0);
            // write single register 0 (holding-register:1) = 2
            out.write(new byte[] {0, 8, 0, 0, 0, 6, 1, 6, 0, 0, 0, 2});
            out.flush();
            byte[] echo = new byte[12];
            in.readFully(echo);
            assertThat(echo[7]).isEqualTo((byte) 6);
            // an unknown function is refused with a Modbus exception, not a dropped connection
            out.write(new byte[] {0, 9, 0, 0, 0, 6, 1, 4, 0, 0, 0, 1});
            out.flush();
            byte[] refused = new byte[9];
            in.readFully(refused);
            assertThat(refused[7] & 0xFF).isEqualTo(0x84);
            assertThat(refused[8]).isEqualTo((byte) 1);
        }
        given().get("/sim/plc/registers").then().body("registers.1", equalTo(2));
        given().contentType(ContentType.JSON).body("{\"value\": 70000}").put("/sim/plc/registers/1").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"value\": 1}").put("/sim/plc/registers/0").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"value\": 1}").put("/sim/plc/registers/x").then().statusCode(404);
    }
}
