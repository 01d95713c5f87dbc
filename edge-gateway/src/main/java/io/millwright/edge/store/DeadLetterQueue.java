package io.millwright.edge.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.activemq.artemis.api.core.ICoreMessage;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.jboss.logging.Logger;

/**
 * The journal's dead letters ({@link EmbeddedJournal#DEAD_LETTER}): journal messages the forwarder could not turn
 * into events, kept with the reason. Operators list and inspect them, replay one (back to the lane it came from, to
 * be forwarded again, e.g. after an upgrade that fixed the cause) or discard it.
 */
@ApplicationScoped
public class DeadLetterQueue {

    /** The lane a dead letter came from, set by the forwarder; replays go back there. */
    public static final String ORIGIN_QUEUE = "mw_origin_queue";
    public static final String REASON = "mw_dead_letter_reason";

    private static final Logger LOG = Logger.getLogger(DeadLetterQueue.class);

    private final EmbeddedJournal journal;

    DeadLetterQueue(EmbeddedJournal journal) {
        this.journal = journal;
    }

    /** One dead letter: a journal message (the entries of one source from one scan). */
    public record DeadLetter(long id, String reason, String source, String connection, String plant, String originQueue,
            Long firstSequence, long entries, String format, Instant deadLetteredAt) {
    }

    /** A dead letter with its stored content as text (one line per entry for journal lines). */
    public record Content(DeadLetter deadLetter, String body) {
    }

    /** Oldest first, at most {@code limit}. */
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        Queue queue = journal.queue(EmbeddedJournal.DEAD_LETTER);
        if (queue == null) {
            return letters;
        }
        try (var iterator = queue.browserIterator()) {
            while (iterator.hasNext() && letters.size() < limit) {
                letters.add(describe(iterator.next()));
            }
        }
        return letters;
    }

    public long count() {
        Queue queue = journal.queue(EmbeddedJournal.DEAD_LETTER);
        return queue == null ? 0 : queue.getMessageCount();
    }

    public Optional<Content> get(long id) {
        return reference(id).map(reference -> new Content(describe(reference), body(reference.getMessage())));
    }

    /**
     * Moves the dead letter back to the end of its lane; its entries are forwarded again with their original
     * sequence numbers (after newer entries of the same source: consumers see a late fill of a gap).
     *
     * @return the dead letter as it was, or empty when there is no such dead letter
     */
    public Optional<DeadLetter> replay(long id) throws Exception {
        Optional<DeadLetter> letter = reference(id).map(DeadLetterQueue::describe);
        if (letter.isEmpty()) {
            return letter;
        }
        String lane = letter.get().originQueue();
        if (!moveOrRemove(id, lane)) {
            return Optional.empty();
        }
        journal.entriesAppended(letter.get().entries());
        LOG.infof("Dead letter %d (%d entries of %s, first sequence %s) replayed to %s", id, letter.get().entries(),
                letter.get().source(), letter.get().firstSequence(), lane);
        return letter;
    }

    /** Deletes the dead letter from the journal for good; logged with what it held. */
    public Optional<DeadLetter> discard(long id) throws Exception {
        Optional<DeadLetter> letter = reference(id).map(DeadLetterQueue::describe);
        if (letter.isEmpty() || !moveOrRemove(id, null)) {
            return Optional.empty();
        }
        LOG.warnf("Dead letter %d discarded by an operator: %d entries of %s, first sequence %s, reason: %s", id,
                letter.get().entries(), letter.get().source(), letter.get().firstSequence(), letter.get().reason());
        return letter;
    }

    private boolean moveOrRemove(long id, String toQueue) throws Exception {
        QueueControl control = journal.queueControl(EmbeddedJournal.DEAD_LETTER);
        if (control == null) {
            throw new IllegalStateException("The edge journal is not running");
        }
        return toQueue == null ? control.removeMessage(id) : control.moveMessage(id, toQueue);
    }

    private Optional<MessageReference> reference(long id) {
        Queue queue = journal.queue(EmbeddedJournal.DEAD_LETTER);
        if (queue == null) {
            return Optional.empty();
        }
        try (var iterator = queue.browserIterator()) {
            while (iterator.hasNext()) {
                MessageReference reference = iterator.next();
                if (reference.getMessageID() == id) {
                    return Optional.of(reference);
                }
            }
        }
        return Optional.empty();
    }

    private static DeadLetter describe(MessageReference reference) {
        Message message = reference.getMessage();
        Object count = message.getObjectProperty(SimpleString.of(JournalWriter.COUNT));
        Object sequence = message.getObjectProperty(SimpleString.of(JournalWriter.SEQUENCE));
        String origin = text(message, ORIGIN_QUEUE);
        return new DeadLetter(reference.getMessageID(), text(message, REASON), text(message, JournalWriter.SOURCE),
                text(message, JournalWriter.CONNECTION), text(message, JournalWriter.PLANT),
                // letters dead-lettered before the origin was recorded: telemetry, the lane nearly all entries take
                origin != null ? origin : EmbeddedJournal.OUTBOUND,
                sequence instanceof Number n ? n.longValue() : null, count instanceof Number n ? n.longValue() : 1,
                text(message, JournalWriter.FORMAT), Instant.ofEpochMilli(message.getTimestamp()));
    }

    private static String text(Message message, String property) {
        Object value = message.getObjectProperty(SimpleString.of(property));
        return value == null ? null : value.toString();
    }

    /** Bytes messages hold journal lines (UTF-8); a text message (not written by the gateway) is shown as its text. */
    private static String body(Message message) {
        ICoreMessage core = message.toCore();
        if (core.getType() == Message.TEXT_TYPE) {
            SimpleString text = core.getDataBuffer().readNullableSimpleString();
            return text == null ? null : text.toString();
        }
        var buffer = core.getDataBuffer();
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
