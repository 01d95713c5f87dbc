package io.millwright.kit.transaction;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs something once the current transaction has committed (never after a rollback): how the outbox relay and the
 * work queues learn about new rows at once instead of on their next timer tick. Several requests for the same
 * action and value in one transaction run once.
 */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Calls {@code action} with each distinct {@code value} given in this transaction, after it commits. */
    @SuppressWarnings("unchecked")
    public <T> void notify(Consumer<T> action, T value) {
        Object resourceKey = action;
        Set<T> values = (Set<T>) transactions.getResource(resourceKey);
        if (values == null) {
            Set<T> collected = new LinkedHashSet<>();
            transactions.putResource(resourceKey, collected);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        collected.forEach(action);
                    }
                }
            });
            values = collected;
        }
        values.add(value);
    }
}
