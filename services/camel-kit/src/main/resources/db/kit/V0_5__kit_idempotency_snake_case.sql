-- Hibernate maps names with CamelCaseToUnderscoresNamingStrategy, so Camel's MessageProcessed fields are read as
-- snake_case columns. Table and sequence names already folded to lower case (camel_messageprocessed[_seq]).
ALTER TABLE camel_messageprocessed RENAME COLUMN createdat TO created_at;
ALTER TABLE camel_messageprocessed RENAME COLUMN messageid TO message_id;
ALTER TABLE camel_messageprocessed RENAME COLUMN processorname TO processor_name;
