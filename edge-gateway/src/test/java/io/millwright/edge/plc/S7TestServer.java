package io.millwright.edge.plc;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real S7comm server on 127.0.0.1 standing in for a Siemens CPU, written byte by byte from the protocol's public
 * description (no PLC4X classes, so a codec bug in the driver cannot hide behind the same bug here):
 * <ul>
 * <li>RFC 1006 TPKT framing with ISO 8073 COTP class 0: connection request / confirm (TPDU size and TSAPs
 * echoed; a called TSAP naming another rack/slot than the CPU's is refused with a disconnect request, as a CPU
 * refuses a connection to a slot it is not in), data TPDUs (segments joined until EOT), disconnect request.</li>
 * <li>S7comm job <em>Setup Communication</em>: PDU length and parallel jobs (AmQ) negotiated down to the CPU's
 * limits; any other job before it closes the connection.</li>
 * <li>Job <em>Read Var</em> with S7ANY items on data blocks (DB), inputs (I), outputs (Q) and flags (M), transport
 * sizes BIT, BYTE, CHAR, WORD, INT, DWORD, DINT, REAL with an element count; answered with the response transport
 * sizes a CPU uses (BIT, BYTE/WORD/DWORD and INTEGER in bits, REAL and OCTET STRING in bytes) and fill bytes
 * between items. Per item, the CPU's return codes: 0x0A object does not exist (a DB it does not hold, another
 * area), 0x05 address out of range (past the end of the area, or a bit offset on a byte access), 0x06 data type
 * not supported. A request or answer larger than the negotiated PDU is refused as a whole (error class 0x85).</li>
 * <li>Userdata <em>CPU functions / read SZL</em> for SZL-ID 0x0011 (module identification: order number, hardware
 * and firmware records), which a client reads to identify the CPU type; other SZL-IDs answer "not available".</li>
 * <li>Other job functions (Write Var, PLC control, ...) and userdata functions are answered with error class 0x81
 * code 0x04 (function not supported in this context; PLC4X reads this answer as "PUT/GET not enabled").</li>
 * </ul>
 * Memory is big-endian, as S7 stores it; DBs exist once added with {@link #addDataBlock(int, int)}. {@link #stop()}
 * closes the listener and every client connection, like a CPU that lost power; {@link #start()} brings it back on
 * the same port with the same memory. Each connection is served by its own thread, one request at a time.
 */
public final class S7TestServer extends LoopbackTcpServer {

    /** S7-1200 CPU 1214C: rack 0, slot 1, 240-byte PDU, up to 3 parallel jobs. */
    public static final String S7_1200_ORDER_NUMBER = "6ES7 214-1AG40-0XB0";

    // COTP TPDU codes
    private static final int COTP_CR = 0xE0;
    private static final int COTP_CC = 0xD0;
    private static final int COTP_DR = 0x80;
    private static final int COTP_DT = 0xF0;

    // S7comm ROSCTR values
    private static final int JOB = 0x01;
    private static final int ACK_DATA = 0x03;
    private static final int USERDATA = 0x07;

    private static final int SETUP_COMMUNICATION = 0xF0;
    private static final int READ_VAR = 0x04;

    // item return codes
    private static final int OK = 0xFF;
    private static final int ADDRESS_OUT_OF_RANGE = 0x05;
    private static final int DATA_TYPE_NOT_SUPPORTED = 0x06;
    private static final int OBJECT_DOES_NOT_EXIST = 0x0A;

    // response ("data") transport sizes
    private static final int TS_BIT = 0x03;
    private static final int TS_BYTE_WORD_DWORD = 0x04;
    private static final int TS_INTEGER = 0x05;
    private static final int TS_REAL = 0x07;
    private static final int TS_OCTET_STRING = 0x09;

    // memory areas
    private static final int AREA_INPUTS = 0x81;
    private static final int AREA_OUTPUTS = 0x82;
    private static final int AREA_FLAGS = 0x83;
    private static final int AREA_DB = 0x84;

    private final int rack;
    private final int slot;
    private final int maxPduLength;
    private final int maxParallelJobs;
    private final String orderNumber;

    private final Map<Integer, Memory> dataBlocks = new ConcurrentHashMap<>();
    private final Memory inputs = new Memory(1024);
    private final Memory outputs = new Memory(1024);
    private final Memory flags = new Memory(1024);

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger szlReads = new AtomicInteger();
    private volatile int lastNegotiatedPduLength;

    /** An S7-1200 (rack 0, slot 1, PDU 240) on {@code port}. */
    public S7TestServer(int port) {
        this(port, 0, 1, 240, 3, S7_1200_ORDER_NUMBER);
    }

    public S7TestServer(int port, int rack, int slot, int maxPduLength, int maxParallelJobs, String orderNumber) {
        super("s7", port);
        if (orderNumber.length() > 20) {
            throw new IllegalArgumentException("an order number (MLFB) has at most 20 characters");
        }
        this.rack = rack;
        this.slot = slot;
        this.maxPduLength = maxPduLength;
        this.maxParallelJobs = maxParallelJobs;
        this.orderNumber = orderNumber;
    }

    /** Creates DB {@code number} of {@code size} bytes, zeroed, unless it exists (then it is returned as it is). */
    public Memory addDataBlock(int number, int size) {
        return dataBlocks.computeIfAbsent(number, n -> new Memory(size));
    }

    /** An existing DB; see {@link #addDataBlock(int, int)}. */
    public Memory dataBlock(int number) {
        Memory db = dataBlocks.get(number);
        if (db == null) {
            throw new IllegalArgumentException("DB" + number + " does not exist");
        }
        return db;
    }

    /** The process image of inputs (I, 1024 bytes). */
    public Memory inputs() {
        return inputs;
    }

    /** The process image of outputs (Q, 1024 bytes). */
    public Memory outputs() {
        return outputs;
    }

    /** Flags / markers (M, 1024 bytes). */
    public Memory flags() {
        return flags;
    }

    /** Connections that completed Setup Communication since the server was created. */
    public int sessions() {
        return connections.get();
    }

    /** SZL reads (any SZL-ID) answered since the server was created. */
    public int szlReads() {
        return szlReads.get();
    }

    /** The PDU length agreed with the most recent client, 0 before any. */
    public int lastNegotiatedPduLength() {
        return lastNegotiatedPduLength;
    }

    @Override
    protected void serve(Socket client) throws IOException {
        try (DataInputStream in = new DataInputStream(client.getInputStream()); OutputStream out = client.getOutputStream()) {
            new Session(in, out).run();
        }
    }

    /** One client connection: ISO transport state and the negotiated S7 limits. */
    private final class Session {
        private final DataInputStream in;
        private final OutputStream out;
        private boolean isoConnected;
        private int pduLength;
        private int remoteReference;

        Session(DataInputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            ByteArrayOutputStream segments = new ByteArrayOutputStream();
            while (true) {
                byte[] cotp = readTpkt();
                int headerLength = cotp[0] & 0xFF; // length indicator: header bytes after this one
                if (headerLength + 1 > cotp.length) {
                    throw new IOException("COTP header longer than the TPKT");
                }
                int type = cotp[1] & 0xF0;
                switch (type) {
                    case COTP_CR -> connectionRequest(cotp, headerLength);
                    case COTP_DT -> {
                        if (!isoConnected) {
                            throw new IOException("data before the ISO connection");
                        }
                        segments.write(cotp, headerLength + 1, cotp.length - headerLength - 1);
                        boolean endOfTsdu = (cotp[2] & 0x80) != 0;
                        if (endOfTsdu) {
                            byte[] pdu = segments.toByteArray();
                            segments.reset();
                            s7(ByteBuffer.wrap(pdu));
                        }
                    }
                    case COTP_DR -> {
                        return;
                    }
                    default -> throw new IOException("unexpected COTP TPDU 0x" + Integer.toHexString(type));
                }
            }
        }

        private byte[] readTpkt() throws IOException {
            int version = in.readUnsignedByte();
            in.readUnsignedByte(); // reserved
            int length = in.readUnsignedShort();
            if (version != 3 || length < 7) {
                throw new IOException("not an RFC 1006 TPKT");
            }
            byte[] payload = new byte[length - 4];
            in.readFully(payload);
            return payload;
        }

        private void connectionRequest(byte[] cotp, int headerLength) throws IOException {
            ByteBuffer cr = ByteBuffer.wrap(cotp, 2, headerLength - 1);
            cr.getShort(); // destination reference: 0 in a request
            remoteReference = cr.getShort() & 0xFFFF;
            int protocolClass = cr.get() & 0xFF;
            int tpduSizeCode = 0x0A;
            byte[] callingTsap = null;
            byte[] calledTsap = null;
            while (cr.remaining() >= 2) {
                int code = cr.get() & 0xFF;
                int length = cr.get() & 0xFF;
                byte[] value = new byte[length];
                cr.get(value);
                switch (code) {
                    case 0xC0 -> tpduSizeCode = Math.min(value[0] & 0xFF, 0x0A); // at most 1024 bytes, as a CPU
                    case 0xC1 -> callingTsap = value;
                    case 0xC2 -> calledTsap = value;
                    default -> {
                        // checksum, additional options: class 0 ignores them
                    }
                }
            }
            if ((protocolClass >> 4) != 0 || calledTsap == null || calledTsap.length != 2 || !addressesThisCpu(calledTsap[1] & 0xFF)) {
                // not class 0, or a rack/slot this CPU is not in: refuse the connection
                sendCotp(new byte[] {6, (byte) COTP_DR, (byte) (remoteReference >> 8), (byte) remoteReference, 0x00, 0x01, 0x00}, null);
                throw new IOException("connection request refused");
            }
            ByteArrayOutputStream cc = new ByteArrayOutputStream();
            cc.write(0); // length indicator, set below
            cc.write(COTP_CC);
            cc.write(remoteReference >> 8);
            cc.write(remoteReference);
            cc.write(0x00); // our reference
            cc.write(0x01);
            cc.write(0x00); // class 0, no options
            cc.write(new byte[] {(byte) 0xC0, 1, (byte) tpduSizeCode});
            if (callingTsap != null) {
                cc.write(0xC1);
                cc.write(callingTsap.length);
                cc.write(callingTsap);
            }
            cc.write(0xC2);
            cc.write(calledTsap.length);
            cc.write(calledTsap);
            byte[] confirm = cc.toByteArray();
            confirm[0] = (byte) (confirm.length - 1);
            sendCotp(confirm, null);
            isoConnected = true;
        }

        /** Second TSAP byte: rack in the upper 3 bits, slot in the lower 5 (rack * 32 + slot). */
        private boolean addressesThisCpu(int rackSlot) {
            return (rackSlot >> 5) == rack && (rackSlot & 0x1F) == slot;
        }

        private void s7(ByteBuffer pdu) throws IOException {
            if (pdu.remaining() < 10 || (pdu.get(0) & 0xFF) != 0x32) {
                throw new IOException("not an S7comm PDU");
            }
            int rosctr = pdu.get(1) & 0xFF;
            int reference = pdu.getShort(4) & 0xFFFF;
            int parameterLength = pdu.getShort(6) & 0xFFFF;
            int dataLength = pdu.getShort(8) & 0xFFFF;
            if (10 + parameterLength + dataLength != pdu.remaining()) {
                throw new IOException("S7comm lengths do not add up");
            }
            ByteBuffer parameter = pdu.slice(10, parameterLength);
            ByteBuffer data = pdu.slice(10 + parameterLength, dataLength);
            if (pduLength == 0 && !(rosctr == JOB && parameterLength > 0 && (parameter.get(0) & 0xFF) == SETUP_COMMUNICATION)) {
                throw new IOException("S7 request before Setup Communication");
            }
            if (pduLength > 0 && pdu.remaining() > pduLength) {
                ackData(reference, 0x85, 0x00, new byte[0], new byte[0]);
                return;
            }
            switch (rosctr) {
                case JOB -> job(reference, parameter);
                case USERDATA -> userData(reference, parameter, data);
                default -> throw new IOException("unexpected S7comm ROSCTR " + rosctr);
            }
        }

        private void job(int reference, ByteBuffer parameter) throws IOException {
            int function = parameter.remaining() > 0 ? parameter.get(0) & 0xFF : -1;
            if (function == SETUP_COMMUNICATION && parameter.remaining() >= 8) {
                int amqCalling = Math.min(parameter.getShort(2) & 0xFFFF, maxParallelJobs);
                int amqCalled = Math.min(parameter.getShort(4) & 0xFFFF, maxParallelJobs);
                pduLength = Math.min(parameter.getShort(6) & 0xFFFF, maxPduLength);
                lastNegotiatedPduLength = pduLength;
                connections.incrementAndGet();
                ByteBuffer answer = ByteBuffer.allocate(8);
                answer.put((byte) SETUP_COMMUNICATION).put((byte) 0).putShort((short) Math.max(amqCalling, 1))
                        .putShort((short) Math.max(amqCalled, 1)).putShort((short) pduLength);
                ackData(reference, 0, 0, answer.array(), new byte[0]);
            } else if (function == READ_VAR && parameter.remaining() >= 2) {
                readVar(reference, parameter);
            } else {
                ackData(reference, 0x81, 0x04, new byte[0], new byte[0]);
            }
        }

        private void readVar(int reference, ByteBuffer parameter) throws IOException {
            int count = parameter.get(1) & 0xFF;
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            int offset = 2;
            for (int i = 0; i < count; i++) {
                if (offset + 2 > parameter.remaining()) {
                    throw new IOException("Read Var item " + i + " is cut off");
                }
                int specLength = parameter.get(offset + 1) & 0xFF;
                byte[] item = new byte[2 + specLength];
                parameter.get(offset, item);
                offset += item.length;
                byte[] answer = readItem(item);
                data.write(answer);
                // a fill byte keeps the next item on an even offset
                if (i < count - 1 && (answer.length - 4) % 2 == 1) {
                    data.write(0);
                }
            }
            byte[] answerData = data.toByteArray();
            if (12 + 2 + answerData.length > pduLength) {
                // the CPU does not split an answer: the client must ask for less per request
                ackData(reference, 0x85, 0x00, new byte[0], new byte[0]);
                return;
            }
            ackData(reference, 0, 0, new byte[] {(byte) READ_VAR, (byte) count}, answerData);
        }

        /** One S7ANY item (0x12, length 10, syntax 0x10, ...) to its answer: return code, transport size, length, data. */
        private byte[] readItem(byte[] item) {
            if ((item[0] & 0xFF) != 0x12 || item.length != 12 || (item[2] & 0xFF) != 0x10) {
                return error(DATA_TYPE_NOT_SUPPORTED);
            }
            ByteBuffer spec = ByteBuffer.wrap(item);
            int transportSize = item[3] & 0xFF;
            int elements = spec.getShort(4) & 0xFFFF;
            int dbNumber = spec.getShort(6) & 0xFFFF;
            int area = item[8] & 0xFF;
            int address = ((item[9] & 0xFF) << 16) | ((item[10] & 0xFF) << 8) | (item[11] & 0xFF);
            int byteOffset = address >> 3;
            int bitOffset = address & 0x07;
            Memory memory = switch (area) {
                case AREA_DB -> dataBlocks.get(dbNumber);
                case AREA_INPUTS -> inputs;
                case AREA_OUTPUTS -> outputs;
                case AREA_FLAGS -> flags;
                default -> null;
            };
            if (memory == null) {
                return error(OBJECT_DOES_NOT_EXIST);
            }
            if (transportSize == 0x01) {
                if (elements != 1) {
                    return error(DATA_TYPE_NOT_SUPPORTED);
                }
                if (byteOffset >= memory.size()) {
                    return error(ADDRESS_OUT_OF_RANGE);
                }
                int bit = (memory.read(byteOffset, 1)[0] >> bitOffset) & 1;
                return answer(TS_BIT, 1, new byte[] {(byte) bit});
            }
            int elementSize = switch (transportSize) {
                case 0x02, 0x03 -> 1; // BYTE, CHAR
                case 0x04, 0x05 -> 2; // WORD, INT
                case 0x06, 0x07, 0x08 -> 4; // DWORD, DINT, REAL
                default -> 0;
            };
            if (elementSize == 0) {
                return error(DATA_TYPE_NOT_SUPPORTED);
            }
            int length = elements * elementSize;
            if (bitOffset != 0 || elements == 0 || byteOffset + length > memory.size()) {
                return error(ADDRESS_OUT_OF_RANGE);
            }
            byte[] value = memory.read(byteOffset, length);
            return switch (transportSize) {
                case 0x03 -> answer(TS_OCTET_STRING, length, value);
                case 0x05, 0x07 -> answer(TS_INTEGER, length * 8, value);
                case 0x08 -> answer(TS_REAL, length, value);
                default -> answer(TS_BYTE_WORD_DWORD, length * 8, value);
            };
        }

        private static byte[] answer(int transportSize, int lengthField, byte[] value) {
            return ByteBuffer.allocate(4 + value.length).put((byte) OK).put((byte) transportSize).putShort((short) lengthField)
                    .put(value).array();
        }

        private static byte[] error(int returnCode) {
            return new byte[] {(byte) returnCode, 0x00, 0x00, 0x00};
        }

        /** Userdata: only CPU functions (group 4) / read SZL (subfunction 1) requests are served. */
        private void userData(int reference, ByteBuffer parameter, ByteBuffer data) throws IOException {
            // parameter head 00 01 12, item length, method, type|group, subfunction, sequence number
            if (parameter.remaining() < 8 || (parameter.get(2) & 0xFF) != 0x12) {
                throw new IOException("not a userdata parameter");
            }
            int typeAndGroup = parameter.get(5) & 0xFF;
            int subfunction = parameter.get(6) & 0xFF;
            int sequence = parameter.get(7) & 0xFF;
            int group = typeAndGroup & 0x0F;
            boolean request = (typeAndGroup >> 4) == 0x4;
            if (request && group == 0x4 && subfunction == 0x01 && data.remaining() >= 8) {
                int szlId = data.getShort(4) & 0xFFFF;
                int szlIndex = data.getShort(6) & 0xFFFF;
                szlReads.incrementAndGet();
                byte[] list = szl(szlId, szlIndex);
                if (list == null) {
                    userDataAnswer(reference, group, subfunction, sequence, 0xD401, error(OBJECT_DOES_NOT_EXIST));
                } else {
                    userDataAnswer(reference, group, subfunction, sequence, 0,
                            answer(TS_OCTET_STRING, list.length, list));
                }
                return;
            }
            userDataAnswer(reference, group, subfunction, sequence, 0x8104, error(OBJECT_DOES_NOT_EXIST));
        }

        private void userDataAnswer(int reference, int group, int subfunction, int sequence, int errorCode, byte[] data)
                throws IOException {
            byte[] parameter = {
                0x00, 0x01, 0x12, 0x08, 0x12, (byte) (0x80 | group), (byte) subfunction, (byte) sequence,
                0x00, // data unit reference
                0x00, // last data unit: yes
                (byte) (errorCode >> 8), (byte) errorCode};
            sendS7(USERDATA, reference, -1, -1, parameter, data);
        }

        private void ackData(int reference, int errorClass, int errorCode, byte[] parameter, byte[] data) throws IOException {
            sendS7(ACK_DATA, reference, errorClass, errorCode, parameter, data);
        }

        private void sendS7(int rosctr, int reference, int errorClass, int errorCode, byte[] parameter, byte[] data)
                throws IOException {
            boolean ack = rosctr == ACK_DATA;
            ByteBuffer pdu = ByteBuffer.allocate((ack ? 12 : 10) + parameter.length + data.length);
            pdu.put((byte) 0x32).put((byte) rosctr).putShort((short) 0).putShort((short) reference)
                    .putShort((short) parameter.length).putShort((short) data.length);
            if (ack) {
                pdu.put((byte) errorClass).put((byte) errorCode);
            }
            pdu.put(parameter).put(data);
            sendCotp(new byte[] {2, (byte) COTP_DT, (byte) 0x80}, pdu.array());
        }

        private void sendCotp(byte[] header, byte[] payload) throws IOException {
            int length = 4 + header.length + (payload == null ? 0 : payload.length);
            ByteBuffer tpkt = ByteBuffer.allocate(length);
            tpkt.put((byte) 3).put((byte) 0).putShort((short) length).put(header);
            if (payload != null) {
                tpkt.put(payload);
            }
            synchronized (out) {
                out.write(tpkt.array());
                out.flush();
            }
        }
    }

    /**
     * SZL 0x0011 (module identification), all records, as a CPU answers it: SZL-ID, index, record length 28,
     * record count, then per record its index, the order number padded to 20 characters, module type, and two
     * version words. Index 0x0001 is the module, 0x0006 the hardware, 0x0007 the firmware ('V' major.minor.patch).
     */
    private byte[] szl(int szlId, int index) {
        if ((szlId & 0x00FF) != 0x11) {
            return null;
        }
        ByteBuffer list = ByteBuffer.allocate(8 + 3 * 28);
        list.putShort((short) szlId).putShort((short) index).putShort((short) 28).putShort((short) 3);
        record(list, 0x0001, orderNumber, 0x0000, 0x0001);
        record(list, 0x0006, orderNumber, 0x0000, 0x0001);
        record(list, 0x0007, "", (('V' & 0xFF) << 8) | 4, 0x0400);
        return list.array();
    }

    private static void record(ByteBuffer list, int index, String orderNumber, int version1, int version2) {
        byte[] mlfb = new byte[20];
        Arrays.fill(mlfb, (byte) ' ');
        byte[] text = orderNumber.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, mlfb, 0, text.length);
        list.putShort((short) index).put(mlfb).putShort((short) 0x0000).putShort((short) version1).putShort((short) version2);
    }


    /** One memory area (a DB, I, Q or M), big-endian as S7 stores values; a read sees whole writes only. */
    public static final class Memory {
        private final byte[] bytes;

        Memory(int size) {
            this.bytes = new byte[size];
        }

        public int size() {
            return bytes.length;
        }

        public synchronized Memory setBool(int byteOffset, int bit, boolean value) {
            if (bit < 0 || bit > 7) {
                throw new IllegalArgumentException("bit " + bit + " is not 0..7");
            }
            bytes[byteOffset] = (byte) (value ? bytes[byteOffset] | (1 << bit) : bytes[byteOffset] & ~(1 << bit));
            return this;
        }

        public synchronized Memory setByte(int byteOffset, int value) {
            bytes[byteOffset] = (byte) value;
            return this;
        }

        /** INT or WORD: 16 bits. */
        public synchronized Memory setInt(int byteOffset, int value) {
            ByteBuffer.wrap(bytes).putShort(byteOffset, (short) value);
            return this;
        }

        /** DINT or DWORD: 32 bits. */
        public synchronized Memory setDInt(int byteOffset, int value) {
            ByteBuffer.wrap(bytes).putInt(byteOffset, value);
            return this;
        }

        /** REAL: IEEE 754 single precision. */
        public synchronized Memory setReal(int byteOffset, float value) {
            ByteBuffer.wrap(bytes).putFloat(byteOffset, value);
            return this;
        }

        synchronized byte[] read(int byteOffset, int length) {
            return Arrays.copyOfRange(bytes, byteOffset, byteOffset + length);
        }
    }
}
