package io.millwright.edge.store;

import java.util.ArrayList;
import java.util.List;

import io.millwright.model.event.EventType;

/**
 * The body of a journal message holding several entries of one source: one line per entry,
 * {@code <event type>\t<sequence>\t<occurred at, epoch ms>\t<data JSON>}. Compact JSON has no raw line breaks or
 * tabs, so splitting is cheap and needs no JSON parsing; the forwarder turns each line into one Kafka record.
 */
public final class JournalLines {

    public static final String FORMAT = "lines-v1";

    private JournalLines() {
    }

    public record Line(String type, long sequence, long occurredAtMillis, String json) {
    }

    static void append(StringBuilder body, EventType type, long sequence, long occurredAtMillis, String json) {
        body.append(type.name()).append('\t').append(sequence).append('\t').append(occurredAtMillis).append('\t').append(json).append('\n');
    }

    /** @throws IllegalArgumentException when a line is not in the format */
    public static List<Line> parse(String body) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            if (end > start) {
                int t1 = body.indexOf('\t', start);
                int t2 = t1 < 0 ? -1 : body.indexOf('\t', t1 + 1);
                int t3 = t2 < 0 ? -1 : body.indexOf('\t', t2 + 1);
                if (t3 < 0 || t3 > end) {
                    throw new IllegalArgumentException("journal line " + (lines.size() + 1) + " is not <type>\\t<sequence>\\t<time>\\t<json>");
                }
                try {
                    lines.add(new Line(body.substring(start, t1), Long.parseLong(body, t1 + 1, t2, 10),
                            Long.parseLong(body, t2 + 1, t3, 10), body.substring(t3 + 1, end)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("journal line " + (lines.size() + 1) + " has a bad number: " + e.getMessage());
                }
            }
            start = end + 1;
        }
        return lines;
    }
}
