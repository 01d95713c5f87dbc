package io.millwright.simulators.erp.service;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of idempotent postings, with their document prefix and the name used by the admin API. */
public enum PostingType {
    CONFIRMATION("confirmation", "PC-", "confirmation_document_seq"),
    MOVEMENT("movement", "GM-", "movement_document_seq"),
    DOWNTIME("downtime", "DT-", "downtime_document_seq"),
    MAINTENANCE_COST("maintenance-cost", "MC-", "maintenance_cost_document_seq"),
    STOCK_STATUS("stock-status", "SS-", "stock_status_document_seq");

    private final String apiName;
    private final String documentPrefix;
    private final String sequence;

    PostingType(String apiName, String documentPrefix, String sequence) {
        this.apiName = apiName;
        this.documentPrefix = documentPrefix;
        this.sequence = sequence;
    }

    public String apiName() {
        return apiName;
    }

    String documentPrefix() {
        return documentPrefix;
    }

    String sequence() {
        return sequence;
    }

    public static Optional<PostingType> fromApiName(String name) {
        return Arrays.stream(values()).filter(type -> type.apiName.equals(name)).findFirst();
    }
}
