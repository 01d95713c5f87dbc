package io.millwright.production.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.millwright.erp.callback.contract.ProductionOrder;
import io.millwright.erp.callback.contract.ReleaseProductionOrderRequest;

/** ERP's due date (an xs:dateTime) becomes the plant's calendar day. */
class ErpReleaseMapperTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void aDueDateWithZoneIsThePlantsDayOfThatInstant() {
        OffsetDateTime lateEvening = OffsetDateTime.parse("2026-11-30T23:30:00Z");

        assertThat(ErpReleaseMapper.date(lateEvening, BERLIN)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ErpReleaseMapper.date(lateEvening, CHICAGO)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void aDueDateWithoutZoneIsTheDayAsWrittenInEveryPlant() {
        LocalDateTime midnight = LocalDateTime.of(2026, 12, 1, 0, 0);

        assertThat(ErpReleaseMapper.date(midnight, BERLIN)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ErpReleaseMapper.date(midnight, CHICAGO)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ErpReleaseMapper.date(null, CHICAGO)).isNull();
    }

    @Test
    void theCallbackCarriesDueDayAndReleaseInstant() {
        ProductionOrder order = new ProductionOrder();
        order.setProductionOrderNumber("PO-1");
        order.setDueDate(LocalDateTime.of(2026, 12, 1, 0, 0).atOffset(ZoneOffset.ofHours(1)));
        order.setReleasedAt(Instant.parse("2026-11-22T10:00:00Z"));
        ReleaseProductionOrderRequest request = new ReleaseProductionOrderRequest();
        request.setProductionOrder(order);

        ReleasedOrder released = ErpReleaseMapper.fromCallback(request, BERLIN);

        assertThat(released.dueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(released.releasedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }
}
