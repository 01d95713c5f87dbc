package io.millwright.kit.journey;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyKey.Kind;

/** How a contributor finds the objects a key leads to: one native query per kind it knows, {@code ?1} the key's id. */
public final class JourneyLookups {

    /** At most this many objects per key: a journey is about one transaction, not a report. */
    public static final int MAX_OBJECTS = 50;

    private JourneyLookups() {
    }

    /** The ids the query registered for the key's kind returns (first column, in its order); none for other kinds. */
    public static Set<String> ids(EntityManager em, JourneyKey key, Map<Kind, String> queries) {
        String sql = queries.get(key.kind());
        if (sql == null) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT * FROM (" + sql + ") found LIMIT " + MAX_OBJECTS).setParameter(1, key.id()).getResultList();
        return new LinkedHashSet<>(ids);
    }
}
