package io.millwright.edge.plc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A real Modbus TCP server (holding registers, function code 3 only; anything else gets exception 01) on
 * 127.0.0.1, standing in for a PLC. {@link #stop()} is a power loss, {@link #start()} brings it back on the same port
 * with the same registers.
 */
public final class ModbusTcpTestServer extends LoopbackTcpServer {

    private static final int READ_HOLDING_REGISTERS = 3;

    private final AtomicIntegerArray registers = new AtomicIntegerArray(1000);

    public ModbusTcpTestServer(int port) {
        super("modbus", port);
    }

    /** Register numbers are 0-based here; PLC4X's {@code holding-register:1} is register 0. */
    public void setRegister(int register, int value) {
        registers.set(register, value & 0xFFFF);
    }

    @Override
    protected void serve(Socket client) throws IOException {
        try (DataInputStream in = new DataInputStream(client.getInputStream());
                DataOutputStream out = new DataOutputStream(client.getOutputStream())) {
            while (true) {
                int transactionId = in.readUnsignedShort();
                int protocolId = in.readUnsignedShort();
                int length = in.readUnsignedShort();
                int unitId = in.readUnsignedByte();
                byte[] pdu = new byte[length - 1];
                in.readFully(pdu);
                byte[] answer = answer(pdu);
                out.writeShort(transactionId);
                out.writeShort(protocolId);
                out.writeShort(answer.length + 1);
                out.writeByte(unitId);
                out.write(answer);
                out.flush();
            }
        }
    }

    private byte[] answer(byte[] pdu) {
        int function = pdu[0] & 0xFF;
        if (function != READ_HOLDING_REGISTERS || pdu.length < 5) {
            return new byte[] {(byte) (function | 0x80), 0x01};
        }
        int start = ((pdu[1] & 0xFF) << 8) | (pdu[2] & 0xFF);
        int count = ((pdu[3] & 0xFF) << 8) | (pdu[4] & 0xFF);
        if (count < 1 || count > 125 || start + count > registers.length()) {
            return new byte[] {(byte) (function | 0x80), 0x02};
        }
        byte[] response = new byte[2 + count * 2];
        response[0] = (byte) function;
        response[1] = (byte) (count * 2);
        for (int i = 0; i < count; i++) {
            int value = registers.get(start + i);
            response[2 + i * 2] = (byte) (value >> 8);
            response[3 + i * 2] = (byte) value;
        }
        return response;
    }
}
