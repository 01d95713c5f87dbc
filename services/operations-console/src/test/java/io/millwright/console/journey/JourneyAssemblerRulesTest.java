package io.millwright.console.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyKey.Kind;
import io.millwright.model.journey.JourneyStep;
import io.millwright.model.journey.JourneyStep.Outcome;

/** Which keys a journey follows (D140): one transaction, not everything its steps mention. */
class JourneyAssemblerRulesTest {

    private static final JourneyKey ORDER = JourneyKey.of(Kind.ORDER, "O-1");
    private static final JourneyKey SALES_ORDER = JourneyKey.of(Kind.SALES_ORDER, "SO-1");
    private static final JourneyKey PO = JourneyKey.of(Kind.PRODUCTION_ORDER, "PO-1");
    private static final JourneyKey OTHER_PO = JourneyKey.of(Kind.PRODUCTION_ORDER, "PO-9");
    private static final JourneyKey OUTPUT_LOT = JourneyKey.of(Kind.LOT, "L-OUT");
    private static final JourneyKey COMPONENT_LOT = JourneyKey.of(Kind.LOT, "L-COMP");
    private static final JourneyKey INCIDENT = JourneyKey.of(Kind.INCIDENT, "MI-1");

    private static JourneyStep step(String name, JourneyKey subject, JourneyKey... links) {
        return new JourneyStep("svc", "ERP", name, null, Instant.EPOCH, Outcome.DONE, null, null, subject, List.of(links));
    }

    @Test
    void stepsAboutTheCustomersOrderLeadToEverythingTheyName() {
        assertThat(JourneyAssembler.toFollow(step("READY_TO_SHIP", ORDER, PO, OUTPUT_LOT, INCIDENT), ORDER))
                .containsExactly(ORDER, PO, OUTPUT_LOT, INCIDENT);
    }

    @Test
    void aProductionOrderLeadsToItsOrderAndTheLotItMakesButNotToTheLotsItConsumed() {
        assertThat(JourneyAssembler.toFollow(step("RELEASED", PO, SALES_ORDER, OUTPUT_LOT), ORDER)).containsExactly(PO, SALES_ORDER, OUTPUT_LOT);
        assertThat(JourneyAssembler.toFollow(step("CONFIRMATION_POSTED", PO, COMPONENT_LOT, OUTPUT_LOT), ORDER)).containsExactly(PO);
    }

    @Test
    void aLotLeadsToTheProductionOrderThatMadeItNotToTheOnesThatConsumedIt() {
        assertThat(JourneyAssembler.toFollow(step("LOT_PRODUCED", OUTPUT_LOT, PO), ORDER)).containsExactly(PO);
        assertThat(JourneyAssembler.toFollow(step("PRODUCTION_ISSUE", COMPONENT_LOT, OTHER_PO), ORDER)).isEmpty();
        assertThat(JourneyAssembler.toFollow(step("QUALITY_HOLD_PLACED", OUTPUT_LOT, INCIDENT), ORDER)).containsExactly(INCIDENT);
    }

    @Test
    void anIncidentLeadsToTheOrdersItTouchedOnlyWhenTheSearchStartedThere() {
        JourneyStep incident = step("INCIDENT_OPENED", INCIDENT, PO, OTHER_PO);
        assertThat(JourneyAssembler.toFollow(incident, ORDER)).isEmpty();
        assertThat(JourneyAssembler.toFollow(incident, INCIDENT)).containsExactly(PO, OTHER_PO);
    }

    @Test
    void tracesAreNeverFollowedAsLinks() {
        assertThat(JourneyAssembler.toFollow(step("ACCEPTED", ORDER, JourneyKey.of(Kind.TRACE, "0af7651916cd43dd8448eb211c80319c")), ORDER))
                .containsExactly(ORDER);
    }
}
