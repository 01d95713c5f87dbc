package io.millwright.simulators.erp.service;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** ERP document numbers: a prefix and six digits from a database sequence (SO-100001, GM-100001, ...). */
@ApplicationScoped
public class DocumentNumbers {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    public String next(String prefix, String sequence) {
        return prefix + String.format("%06d", nextValue(sequence));
    }

    public long nextValue(String sequence) {
        Number value = (Number) em.createNativeQuery("select nextval(?1)")
                .setParameter(1, schema + "." + sequence)
                .getSingleResult();
        return value.longValue();
    }
}
