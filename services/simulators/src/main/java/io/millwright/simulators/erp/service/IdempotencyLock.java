package io.millwright.simulators.erp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises concurrent requests with the same business key: a PostgreSQL advisory lock held until the
 * transaction ends, so the second request sees the first one's committed document and answers duplicate.
 * The unique constraints on the tables stay as the last line of defence.
 */
@ApplicationScoped
public class IdempotencyLock {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire(String namespace, String businessKey) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1), hashtext(?2))) as l")
                .setParameter(1, namespace)
                .setParameter(2, businessKey)
                .getSingleResult();
    }
}
