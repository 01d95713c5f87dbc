package io.millwright.edge.store;

import java.io.ByteArrayOutputStream;
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
 * <p>Stored as a bytes message with the format {@link #FORMAT} ({@code lines-v2}).
 */
public final class JournalLines {

    public static final String FORMAT = "lines-v2";

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

    /** Appends one entry's line to a body. */
    public static void append(ByteArrayOutputStream body, EventType type, long sequence, long occurredAtMillis, byte[] json) {
        body.writeBytes((type.name() + '\t' + sequence + '\t' + occurredAtMillis + '\t').getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(json);
        body.write('\n');
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
                String head = new String(body, start, t3 - start, StandardCharsets.US_ASCII);
                int h1 = t1 - start;
                int h2 = t2 - start;
                try {
                    lines.add(new Line(head.substring(0, h1), Long.parseLong(head, h1 + 1, h2, 10),
                            Long.parseLong(head, h2 + 1, head.length(), 10), Arrays.copyOfRange(body, t3 + 1, end)));
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
}
