package io.millwright.production.service;

import static io.millwright.production.ProductionOrders.confirmation;
import static io.millwright.production.ProductionOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.millwright.model.production.ConfirmationKind;
import io.millwright.production.persistence.MesConfirmationEntity;
import io.millwright.production.persistence.OrderStatus;
import io.millwright.production.persistence.ProductionOrderEntity;

/** Checks of a confirmation against its order, and what enrichment adds. */
class ConfirmationRulesTest {

    private final ConfirmationRules rules = new ConfirmationRules(new BigDecimal("0.10"),
            ShiftCalendar.of("Europe/Berlin", Map.of("EARLY", "06:00", "LATE", "14:00", "NIGHT", "22:00")));

    @Test
    void completionIsEnrichedWithTheOutputLotResourceAndShift() {
        ConfirmationRules.Verdict verdict = rules.check(confirmation(ConfirmationKind.COMPLETION, "0020", "FG-100", "20", "EA"), order(),
                BigDecimal.ZERO);
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.lotId()).isEqualTo("L-FG100-9");
        assertThat(verdict.resourceId()).isEqualTo("RES-ASM-01");
        assertThat(verdict.erpOperationNumber()).isEqualTo("0020");
        assertThat(verdict.shiftId()).isEqualTo("1000-2026-11-22-NIGHT"); // 23:30 in Berlin
    }

    @Test
    void completionsMayExceedThePlanByTheToleranceInTotalNotMore() {
        MesConfirmationEntity twenty = confirmation(ConfirmationKind.COMPLETION, "0010", "FG-100", "20", "EA");
        assertThat(rules.check(twenty, order(), new BigDecimal("35")).valid()).as("55 = 50 + 10 %").isTrue();
        ConfirmationRules.Verdict over = rules.check(twenty, order(), new BigDecimal("35.5"));
        assertThat(over.valid()).isFalse();
        assertThat(over.invalidReason()).contains("operation 0010", "55.5 EA", "planned 50 EA", "10 % tolerance");
    }

    @Test
    void unknownOperationUnknownOrderAndWrongMaterialAreInvalid() {
        assertThat(rules.check(confirmation(ConfirmationKind.COMPLETION, "0099", "FG-100", "1", "EA"), order(), BigDecimal.ZERO)
                .invalidReason()).isEqualTo("Production order PO-1 has no operation 0099");
        assertThat(rules.check(confirmation(ConfirmationKind.COMPLETION, "0010", "FG-100", "1", "EA"), null, BigDecimal.ZERO)
                .invalidReason()).isEqualTo("Unknown production order PO-1");
        assertThat(rules.check(confirmation(ConfirmationKind.SCRAP, "0010", "FG-200", "1", "EA"), order(), BigDecimal.ZERO)
                .invalidReason()).contains("FG-200 is not the item");
        assertThat(rules.check(confirmation(ConfirmationKind.COMPLETION, "0010", "FG-100", "1", "KG"), order(), BigDecimal.ZERO)
                .invalidReason()).contains("unit KG");
    }

    @Test
    void closedOrderRefusesConfirmationsRecordedAfterItsFinalOneButTakesLateArrivalsRecordedBefore() {
        ProductionOrderEntity closed = order();
        closed.status = OrderStatus.CLOSED;
        closed.closedByRecordedAt = Instant.parse("2026-11-22T22:00:00Z");
        MesConfirmationEntity after = confirmation(ConfirmationKind.COMPLETION, "0020", "FG-100", "1", "EA"); // 22:30Z
        assertThat(rules.check(after, closed, BigDecimal.ZERO).invalidReason()).contains("PO-1 is closed");
        MesConfirmationEntity before = confirmation(ConfirmationKind.COMPLETION, "0020", "FG-100", "1", "EA");
        before.recordedAt = Instant.parse("2026-11-22T21:00:00Z");
        assertThat(rules.check(before, closed, BigDecimal.ZERO).valid()).isTrue();
    }

    @Test
    void consumptionTakesTheComponentLotWhenTheMesGaveNoneAndMustBeAComponent() {
        ConfirmationRules.Verdict verdict = rules.check(confirmation(ConfirmationKind.CONSUMPTION, null, "SF-150", "20", "EA"), order(),
                BigDecimal.ZERO);
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.lotId()).isEqualTo("L-SF150-0001");
        assertThat(verdict.erpOperationNumber()).isEqualTo("0010");
        assertThat(verdict.resourceId()).isEqualTo("RES-CNC-01");

        MesConfirmationEntity withLot = confirmation(ConfirmationKind.CONSUMPTION, "0010", "SF-150", "20", "EA");
        withLot.mesLotId = "L-SF150-0777";
        assertThat(rules.check(withLot, order(), BigDecimal.ZERO).lotId()).isEqualTo("L-SF150-0777");

        assertThat(rules.check(confirmation(ConfirmationKind.CONSUMPTION, null, "RM-999", "1", "EA"), order(), BigDecimal.ZERO)
                .invalidReason()).isEqualTo("Material RM-999 is not a component of production order PO-1");
    }

    @Test
    void labourHasAShiftButNoLot() {
        ConfirmationRules.Verdict verdict = rules.check(confirmation(ConfirmationKind.LABOUR, "0010", null, "45", "MIN"), order(),
                BigDecimal.ZERO);
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.lotId()).isNull();
        assertThat(verdict.shiftId()).endsWith("NIGHT");
    }

    @Test
    void aConfirmationForAnotherWorkOrderIsInvalid() {
        MesConfirmationEntity c = confirmation(ConfirmationKind.COMPLETION, "0010", "FG-100", "1", "EA");
        c.mesWorkOrderId = "WO-PO-2";
        assertThat(rules.check(c, order(), BigDecimal.ZERO).invalidReason()).contains("WO-PO-2");
    }
}
