package io.millwright.edge.forward;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.jboss.logging.Logger;

import io.millwright.edge.store.DeadLetterQueue;
import io.millwright.edge.store.EmbeddedJournal;

/**
 * One lane's transacted session on its journal queue: batches are taken in journal order, unforwardable messages
 * move to the dead letters in the same transaction, and the commit is what takes a batch out of the journal. A
 * failed rollback closes the session; the next batch opens a new one.
 */
final class LaneJournal {

    private static final Logger LOG = Logger.getLogger(LaneJournal.class);

    /** A batch: journal messages (each holds one scan of a source) and the entries they hold. */
    record Batch(List<Message> messages, long entries) {

        boolean isEmpty() {
            return messages.isEmpty();
        }
    }

    private final ConnectionFactory connectionFactory;
    private final String lane;
    private final String queue;
    private Connection connection;
    private Session session;
    private MessageConsumer consumer;
    private MessageProducer deadLetters;

    LaneJournal(ConnectionFactory connectionFactory, String lane, String queue) {
        this.connectionFactory = connectionFactory;
        this.lane = lane;
        this.queue = queue;
    }

    void open() throws JMSException {
        if (connection != null) {
            return;
        }
        connection = connectionFactory.createConnection();
        session = connection.createSession(true, Session.SESSION_TRANSACTED);
        consumer = session.createConsumer(session.createQueue(queue));
        deadLetters = session.createProducer(session.createQueue(EmbeddedJournal.DEAD_LETTER));
        connection.start();
    }

    /** Journal messages until they hold about {@code maxEntries} entries; empty when none came within 250 ms. */
    Batch receive(int maxEntries) throws JMSException {
        Message first = consumer.receive(250);
        if (first == null) {
            return new Batch(List.of(), 0);
        }
        List<Message> messages = new ArrayList<>();
        messages.add(first);
        long entries = JournalMessages.entries(first);
        Message next;
        while (entries < maxEntries && (next = consumer.receiveNoWait()) != null) {
            messages.add(next);
            entries += JournalMessages.entries(next);
        }
        return new Batch(messages, entries);
    }

    /** Moves a copy of the message, with the reason and this lane as its origin, to the dead letters. */
    void deadLetter(Message message, String reason) throws JMSException {
        LOG.errorf("Journal entry cannot be forwarded, moved to %s: %s", EmbeddedJournal.DEAD_LETTER, reason);
        Message copy;
        if (message instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else if (message instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.reset();
            bytes.readBytes(body);
            BytesMessage bytesCopy = session.createBytesMessage();
            bytesCopy.writeBytes(body);
            copy = bytesCopy;
        } else {
            copy = session.createMessage();
        }
        for (Object name : Collections.list(message.getPropertyNames())) {
            String property = name.toString();
            if (property.startsWith("mw_")) {
                copy.setObjectProperty(property, message.getObjectProperty(property));
            }
        }
        copy.setStringProperty(DeadLetterQueue.REASON, reason);
        copy.setStringProperty(DeadLetterQueue.ORIGIN_QUEUE, queue);
        deadLetters.send(copy, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
    }

    void commit() throws JMSException {
        session.commit();
    }

    void rollback() {
        try {
            if (session != null) {
                session.rollback();
            }
        } catch (JMSException e) {
            LOG.debugf(e, "Rollback in the %s lane failed; reopening", lane);
            close();
        }
    }

    void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.debug("Closing the forwarder's journal connection failed", e);
            }
        }
        connection = null;
        session = null;
        consumer = null;
        deadLetters = null;
    }
}
