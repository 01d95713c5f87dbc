package io.millwright.inventory.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.inventory.service.MovementRequest;
import io.millwright.model.common.Quantity;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.model.production.ProductionConfirmation;

class ConfirmationMovementMapperTest {

    private static final Instant AT = Instant.parse("2026-11-22T11:02:00Z");

    @Test
    void completionReceivesTheProducedLotIntoTheReceivingLocation() {
        MovementRequest movement = map(confirmation("MES-C-1", ConfirmationKind.COMPLETION, "FG-100", "L-FG100-0002", Quantity.of(50, "EA")))
                .orElseThrow();
        assertThat(movement).isEqualTo(new MovementRequest("PR-MES-C-1", MovementEntity.Kind.PRODUCTION_RECEIPT, "FG-100",
                "L-FG100-0002", "1000", null, "FG01", Quantity.of(50, "EA"), "PO-700001", "MES-C-1", AT));
    }

    @Test
    void consumptionIssuesTheComponentLotFromTheComponentLocation() {
        MovementRequest movement = map(confirmation("MES-C-2", ConfirmationKind.CONSUMPTION, "RM-310", "L-RM310-0001", Quantity.of(50, "EA")))
                .orElseThrow();
        assertThat(movement.movementId()).isEqualTo("PI-MES-C-2");
        assertThat(movement.kind()).isEqualTo(MovementEntity.Kind.PRODUCTION_ISSUE);
        assertThat(movement.fromLocation()).isEqualTo("RM01");
        assertThat(movement.toLocation()).isNull();
        assertThat(movement.lotId()).isEqualTo("L-RM310-0001");
        assertThat(movement.isReceipt()).isFalse();
    }

    @Test
    void scrapAndLabourMoveNoStock() {
        assertThat(map(confirmation("MES-C-3", ConfirmationKind.SCRAP, "FG-100", null, Quantity.of(2, "EA")))).isEmpty();
        assertThat(map(confirmation("MES-C-4", ConfirmationKind.LABOUR, null, null, Quantity.of(30, "MIN")))).isEmpty();
    }

    @Test
    void theSameConfirmationAlwaysMapsToTheSameMovementId() {
        ConfirmationPosted first = confirmation("MES-C-5", ConfirmationKind.COMPLETION, "FG-100", "L-1", Quantity.of(1, "EA"));
        ConfirmationPosted replay = new ConfirmationPosted(first.confirmation(), "PC-100999", AT.plusSeconds(60));
        assertThat(map(replay).orElseThrow().movementId()).isEqualTo(map(first).orElseThrow().movementId());
    }

    private static java.util.Optional<MovementRequest> map(ConfirmationPosted posted) {
        return ConfirmationMovementMapper.toMovement(posted, "1000", "FG01", "RM01");
    }

    static ConfirmationPosted confirmation(String id, ConfirmationKind kind, String itemId, String lotId, Quantity quantity) {
        return new ConfirmationPosted(new ProductionConfirmation(id, kind, "PO-700001", "0020", "RES-ASM-01", itemId, quantity, lotId,
                null, kind == ConfirmationKind.SCRAP ? "LEAK" : null, "OP-17", true, AT), "PC-100001", AT.plusSeconds(5));
    }
}
