-- Camel's JPA idempotent repository (org.apache.camel.processor.idempotent.jpa.MessageProcessed).
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    id            BIGINT NOT NULL PRIMARY KEY,
    createdAt     TIMESTAMP(6),
    messageId     VARCHAR(255),
    processorName VARCHAR(255)
);
CREATE SEQUENCE CAMEL_MESSAGEPROCESSED_SEQ START WITH 1 INCREMENT BY 50;
ALTER TABLE CAMEL_MESSAGEPROCESSED ADD CONSTRAINT camel_message_processed_key UNIQUE (processorName, messageId);
