package io.millwright.production.mapping;

import static io.millwright.production.ProductionOrders.confirmation;
import static io.millwright.production.ProductionOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.millwright.erp.contract.PostProductionConfirmationRequest;
import io.millwright.kit.rest.FieldError;
import io.millwright.model.common.ModelJson;
import io.millwright.model.common.Quantity;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ProductionConfirmation;
import io.millwright.production.persistence.MesConfirmationEntity;

/** MES ↔ canonical ↔ ERP mappings of production-service. */
class MesMappingTest {

    @Test
    void mesTypesMapToCanonicalKinds() {
        assertThat(MesConfirmationType.YIELD.kind()).isEqualTo(ConfirmationKind.COMPLETION);
        assertThat(MesConfirmationType.SCRAP.kind()).isEqualTo(ConfirmationKind.SCRAP);
        assertThat(MesConfirmationType.CONSUMPTION.kind()).isEqualTo(ConfirmationKind.CONSUMPTION);
        assertThat(MesConfirmationType.LABOUR.kind()).isEqualTo(ConfirmationKind.LABOUR);
    }

    @Test
    void contractExampleIsReadAndBecomesAReceivedRowKeepingTheRawBody() throws Exception {
        String raw = """
                {"confirmationId": "MES-C-000123", "mesWorkOrderId": "WO-PO-700001", "productionOrderId": "PO-700001",
                 "type": "YIELD", "operationNumber": "0020", "materialId": "FG-100", "quantity": {"value": 50, "unit": "EA"},
                 "lotId": null, "scrapReason": null, "operatorId": "OP-17", "finalConfirmation": true,
                 "recordedAt": "2026-11-22T11:02:00Z"}""";
        MesConfirmationRequest request = ModelJson.mapper().readValue(raw, MesConfirmationRequest.class);
        assertThat(MesConfirmationMapper.structuralErrors(request)).isEmpty();
        MesConfirmationEntity row = MesConfirmationMapper.toEntity(request, raw);
        assertThat(row.kind).isEqualTo(ConfirmationKind.COMPLETION);
        assertThat(row.mesType).isEqualTo("YIELD");
        assertThat(row.quantity).isEqualByComparingTo("50");
        assertThat(row.uom).isEqualTo("EA");
        assertThat(row.finalConfirmation).isTrue();
        assertThat(row.recordedAt).isEqualTo(Instant.parse("2026-11-22T11:02:00Z"));
        assertThat(row.rawPayload).isEqualTo(raw);
    }

    @Test
    void typeSpecificFieldsAreStructuralErrors() {
        MesConfirmationRequest scrapWithoutReason = new MesConfirmationRequest("C", null, "PO-1", MesConfirmationType.SCRAP, "0010", "FG-100",
                new MesQuantity(BigDecimal.ONE, "EA"), null, null, null, false, Instant.now());
        assertThat(MesConfirmationMapper.structuralErrors(scrapWithoutReason)).extracting(FieldError::field).containsExactly("scrapReason");
        MesConfirmationRequest labourInHours = new MesConfirmationRequest("C", null, "PO-1", MesConfirmationType.LABOUR, null, "FG-100",
                new MesQuantity(BigDecimal.ONE, "H"), null, null, null, false, Instant.now());
        assertThat(MesConfirmationMapper.structuralErrors(labourInHours)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("operationNumber", "materialId", "quantity.unit");
        MesConfirmationRequest consumptionWithoutMaterial = new MesConfirmationRequest("C", null, "PO-1", MesConfirmationType.CONSUMPTION,
                null, null, new MesQuantity(BigDecimal.ONE, "EA"), null, null, null, false, Instant.now());
        assertThat(MesConfirmationMapper.structuralErrors(consumptionWithoutMaterial)).extracting(FieldError::field).containsExactly("materialId");
    }

    @Test
    void enrichedConfirmationBecomesTheCanonicalOneAndTheErpRequest() {
        MesConfirmationEntity c = confirmation(ConfirmationKind.SCRAP, "0010", "FG-100", "2.500000", "EA");
        c.scrapReason = "POROSITY";
        c.operatorId = "OP-17";
        c.erpOperationNumber = "0010";
        c.resourceId = "RES-CNC-01";
        c.lotId = "L-FG100-9";
        c.shiftId = "1000-2026-11-22-NIGHT";
        ProductionConfirmation canonical = MesConfirmationMapper.toCanonical(c, "FG-100");
        assertThat(canonical.kind()).isEqualTo(ConfirmationKind.SCRAP);
        assertThat(canonical.quantity()).isEqualTo(Quantity.of("2.5", "EA"));
        assertThat(canonical.reasonCode()).isEqualTo("POROSITY");
        assertThat(canonical.personnelId()).isEqualTo("OP-17");
        assertThat(canonical.lotId()).isEqualTo("L-FG100-9");
        assertThat(canonical.shiftId()).isEqualTo("1000-2026-11-22-NIGHT");

        PostProductionConfirmationRequest erp = ErpConfirmationMapper.toRequest(c, "EA");
        assertThat(erp.getConfirmationId()).isEqualTo("MES-C-1");
        assertThat(erp.getYield().getValue()).isEqualByComparingTo("0");
        assertThat(erp.getScrap().getValue()).isEqualByComparingTo("2.5");
        assertThat(erp.getScrapReason()).isEqualTo("POROSITY");
        assertThat(erp.getShift()).isEqualTo("1000-2026-11-22-NIGHT");
        assertThat(erp.getPostedAt()).isEqualTo(c.recordedAt);
    }

    @Test
    void labourGoesToErpAsMinutesWithZeroYield() {
        MesConfirmationEntity c = confirmation(ConfirmationKind.LABOUR, "0010", null, "45", "MIN");
        c.erpOperationNumber = "0010";
        c.resourceId = "RES-CNC-01";
        PostProductionConfirmationRequest erp = ErpConfirmationMapper.toRequest(c, "EA");
        assertThat(erp.getLabourMinutes()).isEqualByComparingTo("45");
        assertThat(erp.getYield().getValue()).isEqualByComparingTo("0");
        assertThat(erp.getYield().getUnitOfMeasure()).isEqualTo("EA");
        assertThat(MesConfirmationMapper.toCanonical(c, "FG-100").itemId()).isNull();
    }

    @Test
    void storedOrderBecomesTheMesDispatchPayload() throws Exception {
        MesWorkOrder workOrder = MesWorkOrderMapper.toWorkOrder(order());
        assertThat(workOrder.productionOrderId()).isEqualTo("PO-1");
        assertThat(workOrder.dueDate()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(workOrder.operations()).extracting(MesWorkOrder.Operation::operationNumber).containsExactly("0010", "0020");
        String json = ModelJson.mapper().writeValueAsString(workOrder);
        assertThat(json).contains("\"quantity\":{\"value\":50,\"unit\":\"EA\"}", "\"dueDate\":\"2026-11-29\"",
                "\"resourceId\":\"RES-CNC-01\"", "\"lotId\":\"L-SF150-0001\"", "\"sequence\":1", "\"position\":2");
    }

    @Test
    void releaseWithoutOperationsOrWithDanglingComponentsIsRefusedWithEveryProblem() {
        ReleasedOrder noOperations = new ReleasedOrder("PO-9", "FG-100", "1000", BigDecimal.TEN, "EA", "L-1", null, LocalDate.now(),
                Instant.now(), "RELEASED", List.of(), List.of(new ReleasedOrder.Component("SF-150", "0010", BigDecimal.TEN, "EA", null)));
        assertThat(ReleaseValidator.problems(noOperations)).containsExactly("the order has no operations",
                "component[0].operationNumber 0010 is not an operation of the order");
        ReleasedOrder fine = new ReleasedOrder("PO-9", "FG-100", "1000", BigDecimal.TEN, "EA", "L-1", null, LocalDate.now(), Instant.now(),
                "RELEASED", List.of(new ReleasedOrder.Operation("0010", "Machine", "WC", "RES-1", BigDecimal.TEN, "EA")),
                List.of(new ReleasedOrder.Component("SF-150", "0010", BigDecimal.TEN, "EA", null)));
        assertThat(ReleaseValidator.problems(fine)).isEmpty();

        ReleasedOrder tooLong = new ReleasedOrder("PO-9", "FG-100", "1000", BigDecimal.TEN, "EA", "L-1", null, null, Instant.now(),
                "CLOSED", List.of(new ReleasedOrder.Operation("0010", "x".repeat(201), "WC", "", BigDecimal.ZERO, "EA")), List.of());
        assertThat(ReleaseValidator.problems(tooLong)).containsExactly("dueDate is required",
                "status is CLOSED, only RELEASED orders can be produced", "operation[0].description is longer than 200 characters",
                "operation[0].resourceId is required", "operation[0].plannedQuantity must be greater than zero");
    }
}
