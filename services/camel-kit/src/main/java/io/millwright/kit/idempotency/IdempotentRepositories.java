package io.millwright.kit.idempotency;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.apache.camel.component.jpa.TransactionStrategy;
import org.apache.camel.processor.idempotent.jpa.JpaMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;

/**
 * PostgreSQL-backed idempotent repositories (Camel's JPA repository, table CAMEL_MESSAGEPROCESSED in the
 * service's schema), one per processor name, e.g. {@code order.crm-inbound}. Use with
 * {@code .idempotentConsumer(exchangeProperty(KEY_PROPERTY), repositories.forProcessor("..."))}.
 */
@ApplicationScoped
public class IdempotentRepositories {

    /**
     * Exchange properties a route sets before its idempotent consumer. When such an exchange ends in the dead-letter
     * store, the key is released again, so a corrected message with the same business key (or a replay) is processed.
     */
    public static final String KEY_PROPERTY = "millwright.idempotency.key";
    public static final String PROCESSOR_PROPERTY = "millwright.idempotency.processor";

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    TransactionStrategy transactionStrategy;

    private final Map<String, JpaMessageIdRepository> repositories = new ConcurrentHashMap<>();

    public IdempotentRepository forProcessor(String processorName) {
        return repositories.computeIfAbsent(processorName,
                name -> new JpaMessageIdRepository(entityManagerFactory, transactionStrategy, name));
    }
}
