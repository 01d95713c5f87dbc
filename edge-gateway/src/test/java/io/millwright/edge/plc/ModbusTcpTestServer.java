package io.millwright.edge.plc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A real Modbus TCP server (holding registers, function code 3 only; anything else gets exception 01) on
 * 127.0.0.1, standing in for a PLC. {@link #stop()} closes the listener and every client connection, like a PLC
 * that lost power; {@link #start()} brings it back on the same port with the same registers.
 */
public final class ModbusTcpTestServer implements AutoCloseable {

    private static final int READ_HOLDING_REGISTERS = 3;

    private final int port;
    private final AtomicIntegerArray registers = new AtomicIntegerArray(1000);
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    public ModbusTcpTestServer(int port) {
        this.port = port;
    }

    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Register numbers are 0-based here; PLC4X's {@code holding-register:1} is register 0. */
    public void setRegister(int register, int value) {
        registers.set(register, value & 0xFFFF);
    }

    public synchronized void start() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on Modbus port " + port, e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "modbus-test-server-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public synchronized void stop() {
        ServerSocket socket = listener;
        listener = null;
        closeQuietly(socket);
        for (Socket client : clients) {
            closeQuietly(client);
        }
        clients.clear();
    }

    public boolean isRunning() {
        return listener != null;
    }

    @Override
    public void close() {
        stop();
    }

    private void acceptLoop() {
        ServerSocket socket = listener;
        while (socket != null && !socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                Thread handler = new Thread(() -> serve(client), "modbus-test-client-" + client.getPort());
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; DataInputStream in = new DataInputStream(client.getInputStream());
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
        } catch (IOException disconnected) {
            // client went away or the server was stopped
        } finally {
            clients.remove(client);
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

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
