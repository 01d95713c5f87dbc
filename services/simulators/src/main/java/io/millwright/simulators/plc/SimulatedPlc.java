package io.millwright.simulators.plc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * A machine's PLC for the local run: a Modbus TCP server (read holding registers, write single register) whose
 * registers an operator or a script sets through {@code /sim/plc/registers}, so the edge gateway reads a real
 * protocol and a fault can be raised on command. Off unless {@code millwright.sim.plc.modbus-port} is set
 * ({@code SIM_PLC_MODBUS_PORT}). Addresses are PLC4X's: {@code holding-register:1} is the first register.
 */
@ApplicationScoped
public class SimulatedPlc {

    private static final Logger LOG = Logger.getLogger(SimulatedPlc.class);
    public static final int REGISTERS = 1000;
    private static final int READ_HOLDING_REGISTERS = 3;
    private static final int WRITE_SINGLE_REGISTER = 6;

    private final AtomicIntegerArray registers = new AtomicIntegerArray(REGISTERS);
    private final ExecutorService clients = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "sim-plc-modbus");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServerSocket server;

    @ConfigProperty(name = "millwright.sim.plc.modbus-port", defaultValue = "-1")
    int port;

    @ConfigProperty(name = "millwright.sim.plc.host", defaultValue = "127.0.0.1")
    String host;

    void start(@Observes StartupEvent event) throws IOException {
        if (port < 0) {
            return;
        }
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        clients.submit(this::accept);
        LOG.infof("Simulated PLC: Modbus TCP on %s:%d", host, server.getLocalPort());
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        if (server != null) {
            server.close();
        }
        clients.shutdownNow();
    }

    /** The port it listens on, or -1 when off. */
    public int port() {
        return server == null ? -1 : server.getLocalPort();
    }

    /** @param address 1-based, as in {@code holding-register:<address>} */
    public void set(int address, int value) {
        registers.set(index(address), value & 0xFFFF);
    }

    public int get(int address) {
        return registers.get(index(address));
    }

    /** Registers that are not 0, by 1-based address. */
    public Map<Integer, Integer> nonZero() {
        Map<Integer, Integer> values = new LinkedHashMap<>();
        for (int i = 0; i < REGISTERS; i++) {
            if (registers.get(i) != 0) {
                values.put(i + 1, registers.get(i));
            }
        }
        return values;
    }

    public void reset() {
        for (int i = 0; i < REGISTERS; i++) {
            registers.set(i, 0);
        }
    }

    private static int index(int address) {
        if (address < 1 || address > REGISTERS) {
            throw new IllegalArgumentException("address must be between 1 and " + REGISTERS + ", was " + address);
        }
        return address - 1;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.submit(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warnf("Simulated PLC: accept failed: %s", e.getMessage());
                }
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
                if (length < 2 || length > 260) {
                    return; // not Modbus TCP: drop the connection
                }
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
        } catch (EOFException | SocketException e) {
            // the client went away
        } catch (IOException e) {
            LOG.debugf("Simulated PLC: connection ended: %s", e.getMessage());
        }
    }

    private byte[] answer(byte[] pdu) {
        int function = pdu[0] & 0xFF;
        if (pdu.length < 5 || (function != READ_HOLDING_REGISTERS && function != WRITE_SINGLE_REGISTER)) {
            return new byte[] {(byte) (function | 0x80), 0x01}; // illegal function
        }
        int first = ((pdu[1] & 0xFF) << 8) | (pdu[2] & 0xFF);
        int second = ((pdu[3] & 0xFF) << 8) | (pdu[4] & 0xFF);
        if (function == WRITE_SINGLE_REGISTER) {
            if (first >= REGISTERS) {
                return new byte[] {(byte) (function | 0x80), 0x02}; // illegal data address
            }
            registers.set(first, second);
            return pdu.clone();
        }
        if (second < 1 || second > 125 || first + second > REGISTERS) {
            return new byte[] {(byte) (function | 0x80), 0x02};
        }
        byte[] answer = new byte[2 + 2 * second];
        answer[0] = (byte) function;
        answer[1] = (byte) (2 * second);
        for (int i = 0; i < second; i++) {
            int value = registers.get(first + i);
            answer[2 + 2 * i] = (byte) (value >> 8);
            answer[3 + 2 * i] = (byte) value;
        }
        return answer;
    }
}
