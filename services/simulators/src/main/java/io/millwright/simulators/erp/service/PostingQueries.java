package io.millwright.simulators.erp.service;

import java.util.List;

import io.millwright.simulators.erp.persistence.PostingEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class PostingQueries {

    /** All postings, or those of one type, oldest first. */
    @Transactional
    public List<AdminViews.Posting> list(PostingType type) {
        return PostingEntity.listByType(type == null ? null : type.name()).stream()
                .map(AdminViews.Posting::of).toList();
    }
}
