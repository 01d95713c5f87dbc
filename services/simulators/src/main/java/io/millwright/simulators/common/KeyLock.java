package io.millwright.simulators.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises concurrent requests with the same key (PostgreSQL advisory lock until the transaction ends), so the
 * second of two simultaneous identical requests sees the first one's row and answers as a duplicate.
 */
@ApplicationScoped
public class KeyLock {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire(String namespace, String key) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1), hashtext(?2))) as l")
                .setParameter(1, namespace)
                .setParameter(2, key)
                .getSingleResult();
    }

    /** Next value of a schema-qualified sequence. */
    @Transactional
    public long nextValue(String qualifiedSequence) {
        return ((Number) em.createNativeQuery("select nextval(?1)").setParameter(1, qualifiedSequence)
                .getSingleResult()).longValue();
    }
}
