package io.millwright.model.production;

import io.millwright.model.common.Require;
import java.time.Instant;

/** A confirmation was posted to the ERP (exactly once); {@code erpDocumentNumber} is the ERP's receipt. */
public record ConfirmationPosted(ProductionConfirmation confirmation, String erpDocumentNumber, Instant postedAt) {

    public ConfirmationPosted {
        Require.nonNull(confirmation, "confirmation");
        Require.nonBlank(erpDocumentNumber, "erpDocumentNumber");
        Require.nonNull(postedAt, "postedAt");
    }
}
