package io.millwright.model.journey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a journey can start from, and what its steps link to: a business object of one kind and its id (an order by
 * its CRM id, an ERP sales order, a production order, a lot, a machine incident, a trace).
 */
public record JourneyKey(Kind kind, String id) {

    /** The kinds of business objects a journey is made of, named as the API spells them. */
    public enum Kind {
        /** The CRM's order id. */
        CRM_ORDER("crm-order"),
        /** order-service's own order id. */
        ORDER("order"),
        /** The ERP's sales order number. */
        SALES_ORDER("sales-order"),
        /** The ERP's production order number. */
        PRODUCTION_ORDER("production-order"),
        LOT("lot"),
        /** maintenance-service's machine incident id (MI-...). */
        INCIDENT("incident"),
        /** A W3C trace id (32 hex digits). */
        TRACE("trace");

        private final String apiName;

        Kind(String apiName) {
            this.apiName = apiName;
        }

        @JsonValue
        public String apiName() {
            return apiName;
        }

        public static Optional<Kind> of(String apiName) {
            if (apiName == null) {
                return Optional.empty();
            }
            String wanted = apiName.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(k -> k.apiName.equals(wanted)).findFirst();
        }
    }

    public JourneyKey {
        if (kind == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException("A journey key needs a kind and an id");
        }
    }

    public static JourneyKey of(Kind kind, String id) {
        return new JourneyKey(kind, id);
    }

    @Override
    public String toString() {
        return kind.apiName + ":" + id;
    }
}
