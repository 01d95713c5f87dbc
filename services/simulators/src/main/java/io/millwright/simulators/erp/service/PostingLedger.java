package io.millwright.simulators.erp.service;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.simulators.erp.persistence.PostingEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Idempotent postings: a business key is posted once; a repeat gets the first document number back with
 * duplicate=true and has no further effect.
 */
@ApplicationScoped
public class PostingLedger {

    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };

    public record Posted(String documentNumber, boolean duplicate) {
    }

    @Inject
    IdempotencyLock lock;

    @Inject
    DocumentNumbers documentNumbers;

    @Inject
    ObjectMapper objectMapper;

    /**
     * Posts {@code request} under {@code businessKey} unless that key is already posted. {@code effect}
     * validates the request and changes state (it throws to reject); it runs only for a first posting.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Posted post(PostingType type, String businessKey, Object request, Runnable effect) {
        lock.acquire("posting:" + type.name(), businessKey);
        Optional<PostingEntity> existing = PostingEntity.byKey(type.name(), businessKey);
        if (existing.isPresent()) {
            return new Posted(existing.get().documentNumber, true);
        }
        effect.run();
        PostingEntity posting = new PostingEntity();
        posting.postingType = type.name();
        posting.businessKey = businessKey;
        posting.documentNumber = documentNumbers.next(type.documentPrefix(), type.sequence());
        posting.payload = objectMapper.convertValue(request, PAYLOAD);
        posting.createdAt = Instant.now();
        posting.persist();
        return new Posted(posting.documentNumber, false);
    }
}
