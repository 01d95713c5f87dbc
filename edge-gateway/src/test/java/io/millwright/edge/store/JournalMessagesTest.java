package io.millwright.edge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.millwright.edge.processing.JournalEntry;
import io.millwright.model.event.EventType;

/** How one append is cut into journal messages. */
class JournalMessagesTest {

    @Test
    void aScanOfOneSourceIsOneMessage() {
        List<JournalEntry> scan = entries("plant/line-1", EventType.EDGE_TELEMETRY_SAMPLED, true, 500);

        assertThat(JournalWriter.messages(scan)).containsExactly(scan);
    }

    @Test
    void aVeryLargeScanIsSplitIntoMessagesOfAtMostAThousandEntriesInOrder() {
        List<JournalEntry> scan = entries("plant/line-1", EventType.EDGE_TELEMETRY_SAMPLED, true, 2_500);

        List<List<JournalEntry>> messages = JournalWriter.messages(scan);

        assertThat(messages).extracting(List::size).containsExactly(1_000, 1_000, 500);
        assertThat(messages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(scan);
    }

    @Test
    void sourcesAndClassesGetMessagesOfTheirOwnKeepingTheirOrder() {
        List<JournalEntry> telemetry = entries("plant/line-1", EventType.EDGE_TELEMETRY_SAMPLED, true, 3);
        List<JournalEntry> eventTags = entries("plant/line-1", EventType.EDGE_TELEMETRY_SAMPLED, false, 2);
        List<JournalEntry> machineEvents = entries("plant/assets/press-1", EventType.EDGE_MACHINE_STATE_CHANGED, false, 2);
        List<JournalEntry> append = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            append.add(telemetry.get(i));
            if (i < 2) {
                append.add(machineEvents.get(i));
                append.add(eventTags.get(i));
            }
        }

        assertThat(JournalWriter.messages(append)).containsExactly(telemetry, machineEvents, eventTags);
    }

    private static List<JournalEntry> entries(String source, EventType type, boolean droppable, int count) {
        List<JournalEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // a distinct connection id per entry makes every entry unequal to the others, so order is checked
            entries.add(new JournalEntry(type, source, "line-1#" + i, droppable, sequence -> null));
        }
        return entries;
    }
}
