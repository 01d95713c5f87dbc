package io.millwright.model.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.millwright.model.common.ModelJson;
import io.millwright.model.journey.JourneyKey.Kind;
import io.millwright.model.journey.JourneyStep.Outcome;

/** The journey contract as the services write it and the console reads it: kinds by their API names, steps in order. */
class JourneyContractTest {

    @Test
    void kindsAreNamedAsTheApiSpellsThemAndNothingElseIsAKind() {
        assertThat(Kind.of("crm-order")).contains(Kind.CRM_ORDER);
        assertThat(Kind.of(" Production-Order ")).contains(Kind.PRODUCTION_ORDER);
        assertThat(Kind.of("CRM_ORDER")).isEmpty();
        assertThat(Kind.of("planet")).isEmpty();
        assertThat(Kind.of(null)).isEmpty();
        assertThatThrownBy(() -> JourneyKey.of(Kind.LOT, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartTravelsAsJsonAndComesBackTheSameWithItsRelatedKeysInOrder() throws Exception {
        JourneyKey order = JourneyKey.of(Kind.ORDER, "0c9f");
        JourneyStep step = new JourneyStep("order-service", "ERP", "CONFIRMED_BY_ERP", "SO-1 confirmed", Instant.parse("2026-12-06T10:00:00Z"),
                Outcome.DONE, "corr-1", "4bf92f3577b34da6a3ce929d0e0e4736", order, List.of(JourneyKey.of(Kind.SALES_ORDER, "SO-1")));
        JourneyPart part = new JourneyPart(JourneyKey.of(Kind.CRM_ORDER, "CRM-1"), List.of(step),
                List.of(order, JourneyKey.of(Kind.SALES_ORDER, "SO-1"), order, JourneyKey.of(Kind.LOT, "L-1")));
        String json = ModelJson.mapper().writeValueAsString(part);
        assertThat(json).contains("\"kind\":\"crm-order\"", "\"kind\":\"sales-order\"", "\"outcome\":\"DONE\"");
        JourneyPart read = ModelJson.mapper().readValue(json, JourneyPart.class);
        assertThat(read).isEqualTo(part);
        assertThat(read.related()).extracting(JourneyKey::kind).as("each once, in order").containsExactly(Kind.ORDER, Kind.SALES_ORDER, Kind.LOT);
    }
}
