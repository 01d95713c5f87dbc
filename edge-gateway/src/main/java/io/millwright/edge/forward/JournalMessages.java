package io.millwright.edge.forward;

import java.util.ArrayList;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.millwright.edge.store.JournalLines;
import io.millwright.edge.store.JournalWriter;

/** Reading a journal message as the journal writer wrote it: how many entries it holds, and their Kafka records. */
final class JournalMessages {

    private JournalMessages() {
    }

    static long entries(Message message) throws JMSException {
        return message.propertyExists(JournalWriter.COUNT) ? message.getIntProperty(JournalWriter.COUNT) : 1;
    }

    /**
     * One record per entry; a message that cannot be read as a whole is unforwardable as a whole.
     *
     * @throws UnforwardableEntryException when the message or one of its entries can never become an event
     */
    static List<ProducerRecord<String, byte[]>> records(Message message) throws JMSException {
        String format = message.getStringProperty(JournalWriter.FORMAT);
        if (!JournalLines.FORMAT.equals(format) || !(message instanceof BytesMessage bytes)) {
            throw new UnforwardableEntryException(format == null ? "journal message without a format (" + JournalWriter.FORMAT + ")"
                    : "journal message in unknown format " + format);
        }
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        List<JournalLines.Line> lines;
        try {
            lines = JournalLines.parse(body);
        } catch (IllegalArgumentException e) {
            throw new UnforwardableEntryException(e.getMessage());
        }
        String plant = message.getStringProperty(JournalWriter.PLANT);
        String source = message.getStringProperty(JournalWriter.SOURCE);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(lines.size());
        for (JournalLines.Line line : lines) {
            records.add(CloudEventMapper.toRecord(line.type(), line.json(), plant, source, line.sequence(), line.occurredAtMillis()));
        }
        return records;
    }
}
