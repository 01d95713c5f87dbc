package io.millwright.edge.plc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.exceptions.PlcConnectionException;
import org.apache.plc4x.java.api.messages.PlcReadRequest;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S7 test server read through the PLC4X S7 driver alone (no gateway): what the driver sends at connect, how it
 * addresses each area and type, and how it reports the CPU's per-item return codes.
 */
class S7TestServerTest {

    final S7TestServer plc = new S7TestServer(ModbusTcpTestServer.freePort());

    @BeforeEach
    void startPlc() {
        plc.addDataBlock(1, 16).setBool(0, 0, true).setBool(0, 3, true).setInt(2, -1234).setReal(4, 21.5f)
                .setDInt(8, 70_000).setByte(12, 0xA5).setInt(14, 0xBEEF);
        plc.inputs().setBool(0, 1, true);
        plc.outputs().setByte(1, 7);
        plc.flags().setInt(10, 42).setReal(12, -0.25f);
        plc.start();
    }

    @AfterEach
    void stopPlc() {
        plc.stop();
    }

    @Test
    void readsEveryTypeOfADataBlockAndOfInputsOutputsAndFlags() throws Exception {
        try (PlcConnection connection = connect("remote-rack=0&remote-slot=1")) {
            PlcReadResponse response = connection.readRequestBuilder()
                    .addTagAddress("running", "%DB1.DBX0.0:BOOL")
                    .addTagAddress("bit1", "%DB1.DBX0.1:BOOL")
                    .addTagAddress("bit3", "%DB1.DBX0.3:BOOL")
                    .addTagAddress("code", "%DB1.DBW2:INT")
                    .addTagAddress("temperature", "%DB1.DBD4:REAL")
                    .addTagAddress("count", "%DB1.DBD8:DINT")
                    .addTagAddress("status", "%DB1.DBB12:BYTE")
                    .addTagAddress("word", "%DB1.DBW14:WORD")
                    .addTagAddress("input", "%I0.1:BOOL")
                    .addTagAddress("output", "%QB1:BYTE")
                    .addTagAddress("flagWord", "%MW10:INT")
                    .addTagAddress("flagReal", "%MD12:REAL")
                    .build().execute().get(5, TimeUnit.SECONDS);

            for (String tag : response.getTagNames()) {
                assertThat(response.getResponseCode(tag)).as(tag).isEqualTo(PlcResponseCode.OK);
            }
            assertThat(response.getBoolean("running")).isTrue();
            assertThat(response.getBoolean("bit1")).isFalse();
            assertThat(response.getBoolean("bit3")).isTrue();
            assertThat(response.getShort("code")).isEqualTo((short) -1234);
            assertThat(response.getFloat("temperature")).isEqualTo(21.5f);
            assertThat(response.getInteger("count")).isEqualTo(70_000);
            assertThat(response.getInteger("status")).isEqualTo(0xA5);
            assertThat(response.getInteger("word")).isEqualTo(0xBEEF);
            assertThat(response.getBoolean("input")).isTrue();
            assertThat(response.getInteger("output")).isEqualTo(7);
            assertThat(response.getShort("flagWord")).isEqualTo((short) 42);
            assertThat(response.getFloat("flagReal")).isEqualTo(-0.25f);
        }
        // the driver proposes a larger PDU and takes the CPU's 240; without controller-type it reads SZL 0x0011
        assertThat(plc.lastNegotiatedPduLength()).isEqualTo(240);
        assertThat(plc.szlReads()).isEqualTo(1);
    }

    @Test
    void addressesTheCpuDoesNotHoldAreRefusedPerItem() throws Exception {
        try (PlcConnection connection = connect("remote-rack=0&remote-slot=1&controller-type=S7_1200")) {
            PlcReadResponse response = connection.readRequestBuilder()
                    .addTagAddress("good", "%DB1.DBW2:INT")
                    .addTagAddress("missingDb", "%DB99.DBW0:INT")
                    .addTagAddress("pastTheEnd", "%DB1.DBD14:REAL")
                    .build().execute().get(5, TimeUnit.SECONDS);

            assertThat(response.getResponseCode("good")).isEqualTo(PlcResponseCode.OK);
            assertThat(response.getShort("good")).isEqualTo((short) -1234);
            // the driver folds 0x0A (object does not exist) and 0x05 (address out of range) into one code
            assertThat(response.getResponseCode("missingDb")).isEqualTo(PlcResponseCode.INVALID_ADDRESS);
            assertThat(response.getResponseCode("pastTheEnd")).isEqualTo(PlcResponseCode.INVALID_ADDRESS);
        }
        assertThat(plc.szlReads()).as("controller-type given: no identification").isZero();
    }

    @Test
    void aScanGroupLargerThanThePduIsSplitByTheDriver() throws Exception {
        S7TestServer.Memory db = plc.addDataBlock(2, 400);
        try (PlcConnection connection = connect("remote-rack=0&remote-slot=1&controller-type=S7_1200")) {
            PlcReadRequest.Builder request = connection.readRequestBuilder();
            for (int i = 0; i < 60; i++) {
                db.setDInt(i * 4, 1000 + i);
                request.addTagAddress("t" + i, "%DB2.DBD" + (i * 4) + ":DINT");
            }
            // 60 items make a 732-byte request, three times the CPU's PDU (the CPU refuses an oversized PDU as a whole)
            PlcReadResponse response = request.build().execute().get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 60; i++) {
                assertThat(response.getResponseCode("t" + i)).isEqualTo(PlcResponseCode.OK);
                assertThat(response.getInteger("t" + i)).isEqualTo(1000 + i);
            }
        }
    }

    private PlcConnection connect(String options) throws PlcConnectionException {
        return new DefaultPlcDriverManager().getConnection("s7://127.0.0.1:" + plc.port() + "?" + options);
    }
}
