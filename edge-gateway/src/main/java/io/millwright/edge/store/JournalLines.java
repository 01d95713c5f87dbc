package io.millwright.edge.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.millwright.model.event.EventType;

/**
 * The body of a journal message holding several entries of one source: one line per entry,
 * {@code <event type>\t<sequence>\t<occurred at, epoch ms>\t<data JSON>\n}, UTF-8. Compact JSON has no raw line
 * breaks or tabs, so splitting is cheap and needs no JSON parsing; the forwarder turns each line into one Kafka
 * record whose value is the line's JSON bytes as they are.
 *
 * <p>{@link #FORMAT} ({@code lines-v2}) is stored as a bytes message. {@link #FORMAT_V1} is the same lines in a
 * text message, as earlier versions wrote them; the forwarder still reads those after an upgrade.
 */
public final class JournalLines {

    public static final String FORMAT = "lines-v2";
    public static final String FORMAT_V1 = "lines-v1";

    private JournalLines() {
    }

    /** One entry. {@code json} is the event data, UTF-8. */
    public record Line(String type, long sequence, long occurredAtMillis, byte[] json) {

        public String jsonText() {
            return new String(json, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Line line && line.type.equals(type) && line.sequence == sequence
                    && line.occurredAtMillis == occurredAtMillis && Arrays.equals(line.json, json);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * type.hashCode() + Long.hashCode(sequence)) + Arrays.hashCode(json);
        }

        @Override
        public String toString() {
            return type + '\t' + sequence + '\t' + occurredAtMillis + '\t' + jsonText();
        }
    }

    /** A growable UTF-8 body. */
    public static final class Body {
        private byte[] bytes;
        private int length;

        public Body(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
        }

        public Body append(EventType type, long sequence, long occurredAtMillis, byte[] json) {
            ascii(type.name()).put((byte) '\t').ascii(Long.toString(sequence)).put((byte) '\t')
                    .ascii(Long.toString(occurredAtMillis)).put((byte) '\t');
            ensure(json.length + 1);
            System.arraycopy(json, 0, bytes, length, json.length);
            length += json.length;
            return put((byte) '\n');
        }

        public int length() {
            return length;
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(bytes, length);
        }

        private Body ascii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
            return this;
        }

        private Body put(byte b) {
            ensure(1);
            bytes[length++] = b;
            return this;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** @throws IllegalArgumentException when a line is not in the format */
    public static List<Line> parse(byte[] body) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start, body.length);
            if (end < 0) {
                end = body.length;
            }
            if (end > start) {
                int t1 = indexOf(body, (byte) '\t', start, end);
                int t2 = t1 < 0 ? -1 : indexOf(body, (byte) '\t', t1 + 1, end);
                int t3 = t2 < 0 ? -1 : indexOf(body, (byte) '\t', t2 + 1, end);
                if (t3 < 0) {
                    throw new IllegalArgumentException("journal line " + (lines.size() + 1) + " is not <type>\\t<sequence>\\t<time>\\t<json>");
                }
                try {
                    lines.add(new Line(new String(body, start, t1 - start, StandardCharsets.US_ASCII), number(body, t1 + 1, t2),
                            number(body, t2 + 1, t3), Arrays.copyOfRange(body, t3 + 1, end)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("journal line " + (lines.size() + 1) + " has a bad number: " + e.getMessage());
                }
            }
            start = end + 1;
        }
        return lines;
    }

    private static int indexOf(byte[] body, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static long number(byte[] body, int from, int to) {
        if (from >= to || to - from > 19 || (body[from] == '-' && to - from == 1)) {
            throw new NumberFormatException("'" + new String(body, from, Math.max(0, to - from), StandardCharsets.US_ASCII) + "'");
        }
        boolean negative = body[from] == '-';
        long value = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            int digit = body[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException("'" + new String(body, from, to - from, StandardCharsets.US_ASCII) + "'");
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }
}
