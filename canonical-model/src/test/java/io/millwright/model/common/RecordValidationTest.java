package io.millwright.model.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.inventory.InventoryMovement;
import io.millwright.model.inventory.MovementType;
import io.millwright.model.inventory.StockStatus;
import io.millwright.model.order.OrderAccepted;
import io.millwright.model.order.SalesOrderLine;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ProductionConfirmation;
import io.millwright.model.production.Shift;
import io.millwright.model.samples.Samples;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compact constructors reject what a schema-valid but wrong message could still carry, naming the field. */
class RecordValidationTest {

    private static final Instant T0 = Samples.T0;

    @Test
    void listsAreImmutableCopies() {
        List<SalesOrderLine> lines = new ArrayList<>(List.of(Samples.SALES_ORDER_LINE));
        OrderAccepted accepted = new OrderAccepted("SO-1", "CRM-1", "CUST-1", lines, Money.of("1175", "EUR"), null, T0);

        lines.add(new SalesOrderLine(20, "MAT-1", Quantity.of("1", "EA"), Money.of("1", "EUR")));

        assertThat(accepted.lines()).containsExactly(Samples.SALES_ORDER_LINE);
        assertThatThrownBy(() -> accepted.lines().add(Samples.SALES_ORDER_LINE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listProblemsNameTheFieldAndIndex() {
        assertThatThrownBy(() -> new OrderAccepted("SO-1", "CRM-1", "CUST-1", List.of(), Money.of("0", "EUR"), null, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lines must not be empty");
        assertThatThrownBy(() -> new OrderAccepted("SO-1", "CRM-1", "CUST-1",
                Arrays.asList(Samples.SALES_ORDER_LINE, null), Money.of("0", "EUR"), null, T0))
                .isInstanceOf(NullPointerException.class).hasMessage("lines[1] must not be null");
    }

    @Test
    void requiredFieldsAreNamed() {
        assertThatThrownBy(() -> new OrderAccepted("SO-1", "CRM-1", null, List.of(Samples.SALES_ORDER_LINE),
                Money.of("0", "EUR"), null, T0))
                .isInstanceOf(NullPointerException.class).hasMessage("customerId is required");
        assertThatThrownBy(() -> new OrderAccepted("SO-1", "", "CUST-1", List.of(Samples.SALES_ORDER_LINE),
                Money.of("0", "EUR"), null, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("crmOrderId must not be blank");
        assertThatThrownBy(() -> new Resource("R", "P", "n", ResourceType.MACHINE, " ", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parentResourceId must not be blank when present");
    }

    @Test
    void salesOrderLinesNeedPositiveQuantityAndLineNumber() {
        assertThatThrownBy(() -> new SalesOrderLine(10, "MAT-1", Quantity.of("0", "EA"), Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity must be positive");
        assertThatThrownBy(() -> new SalesOrderLine(0, "MAT-1", Quantity.of("1", "EA"), Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lineNumber must be positive");
        assertThat(Samples.SALES_ORDER_LINE.lineTotal()).isEqualTo(Money.of("1175", "EUR"));
    }

    @Test
    void confirmationsOtherThanLabourNeedAnItem() {
        assertThatThrownBy(() -> new ProductionConfirmation("C-1", ConfirmationKind.SCRAP, "PO-1", null, "R-1", null,
                Quantity.of("3", "EA"), null, null, "DENT", null, false, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itemId is required for a SCRAP");
        ProductionConfirmation labour = new ProductionConfirmation("C-2", ConfirmationKind.LABOUR, "PO-1", "0010", "R-1",
                null, Quantity.of("45", "MIN"), null, null, null, "EMP-7", false, T0);
        assertThat(labour.itemId()).isNull();
    }

    @Test
    void goodTelemetryNeedsAValueWhileBadMayHaveNone() {
        assertThatThrownBy(() -> new TelemetrySample("P", "S", 1, "A", "t", null, null, SampleQuality.GOOD, null, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GOOD sample needs value");
        assertThatThrownBy(() -> new TelemetrySample("P", "S", -1, "A", "t", null, null, SampleQuality.BAD, null, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequenceNumber");
        TelemetrySample bad = new TelemetrySample("P", "S", 1, "A", "t", null, null, SampleQuality.BAD, "PLC timeout", T0);
        assertThat(bad.quality()).isEqualTo(SampleQuality.BAD);
    }

    @Test
    void timeWindowsMustNotRunBackwards() {
        assertThatThrownBy(() -> new Shift("S", "P", "Early", LocalDate.of(2025, 3, 14), T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endsAt");
        assertThat(Samples.SHIFT.covers(Samples.SHIFT.startsAt())).isTrue();
        assertThat(Samples.SHIFT.covers(Samples.SHIFT.endsAt())).isFalse();
    }

    @Test
    void lotsAnswerWhetherTheyWereMadeDuringAWindow() {
        Lot lot = Samples.LOT;
        assertThat(lot.producedDuring(T0.minusSeconds(60), T0.plusSeconds(60))).isTrue();
        assertThat(lot.producedDuring(T0.plusSeconds(1), T0.plusSeconds(60))).isFalse();
        assertThat(lot.producedDuring(T0.minusSeconds(99_999), T0.minusSeconds(7201))).isFalse();
    }

    @Test
    void movementsNeedASourceOrDestination() {
        assertThatThrownBy(() -> new InventoryMovement("M-1", MovementType.TRANSFER, "MAT-1", null, "P", null, null,
                Quantity.of("1", "EA"), StockStatus.UNRESTRICTED, null, null, null, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromLocationId or toLocationId");
    }
}
