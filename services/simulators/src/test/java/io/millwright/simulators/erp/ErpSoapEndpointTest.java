package io.millwright.simulators.erp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.millwright.erp.contract.CreateSalesOrderRequest;
import io.millwright.erp.contract.CreateSalesOrderResponse;
import io.millwright.erp.contract.Customer;
import io.millwright.erp.contract.ErpFault;
import io.millwright.erp.contract.ErpPortType;
import io.millwright.erp.contract.GetSalesOrderRequest;
import io.millwright.erp.contract.GetStockStatusRequest;
import io.millwright.erp.contract.ListCustomersRequest;
import io.millwright.erp.contract.ListItemsRequest;
import io.millwright.erp.contract.ListReleasedProductionOrdersRequest;
import io.millwright.erp.contract.MovementType;
import io.millwright.erp.contract.PostDowntimeRequest;
import io.millwright.erp.contract.PostGoodsMovementResponse;
import io.millwright.erp.contract.PostMaintenanceCostRequest;
import io.millwright.erp.contract.PostProductionConfirmationRequest;
import io.millwright.erp.contract.ProductionOrder;
import io.millwright.erp.contract.SalesOrder;
import io.millwright.erp.contract.SetStockStatusRequest;
import io.millwright.erp.contract.SparePartDemand;
import io.millwright.erp.contract.StockBalance;
import io.millwright.erp.contract.StockStatus;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ErpSoapEndpointTest {

    @TestHTTPResource("/soap/erp")
    URL soapUrl;

    ErpPortType erp;

    @BeforeEach
    void resetSimulator() {
        given().post("/sim/erp/reset").then().statusCode(204);
        erp = ErpSoapClient.port(soapUrl);
    }

    @Test
    void createdSalesOrderIsListedOverRestAndReadableOverSoap() throws Exception {
        CreateSalesOrderResponse created = erp.createSalesOrder(ErpRequests.salesOrder("CRM-1001", "C-1001", "FG-100", "5"));

        assertThat(created.getSalesOrderNumber()).isEqualTo("SO-100001");
        assertThat(created.isDuplicate()).isFalse();
        given().queryParam("externalReference", "CRM-1001").get("/sim/erp/sales-orders").then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].salesOrderNumber", equalTo("SO-100001"))
                .body("[0].customerId", equalTo("C-1001"))
                .body("[0].currency", equalTo("EUR"))
                .body("[0].requestedDeliveryDate", equalTo("2026-12-15"))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].lines[0].itemId", equalTo("FG-100"))
                .body("[0].lines[0].quantity", equalTo(5.0f))
                .body("[0].lines[0].unitOfMeasure", equalTo("EA"));

        GetSalesOrderRequest byReference = new GetSalesOrderRequest();
        byReference.setExternalReference("CRM-1001");
        SalesOrder order = erp.getSalesOrder(byReference).getSalesOrder();
        assertThat(order.getSalesOrderNumber()).isEqualTo("SO-100001");
        assertThat(order.getLine()).singleElement().satisfies(line -> assertThat(line.getItemId()).isEqualTo("FG-100"));

        GetSalesOrderRequest byNumber = new GetSalesOrderRequest();
        byNumber.setSalesOrderNumber("SO-100001");
        assertThat(erp.getSalesOrder(byNumber).getSalesOrder().getExternalReference()).isEqualTo("CRM-1001");
        byNumber.setSalesOrderNumber("SO-999999");
        assertThat(erp.getSalesOrder(byNumber).getSalesOrder()).isNull();
    }

    @Test
    void repeatedExternalReferenceReturnsTheFirstOrder() throws Exception {
        CreateSalesOrderRequest request = ErpRequests.salesOrder("CRM-2002", "C-1002", "FG-200", "3");
        List<CreateSalesOrderResponse> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            responses.add(erp.createSalesOrder(request));
        }

        assertThat(responses).extracting(CreateSalesOrderResponse::getSalesOrderNumber).containsOnly("SO-100001");
        assertThat(responses).extracting(CreateSalesOrderResponse::isDuplicate).containsExactly(false, true, true);
        given().get("/sim/erp/sales-orders").then().body("$", hasSize(1));
        given().queryParam("operation", "CreateSalesOrder").get("/sim/erp/calls").then()
                .body("outcome", equalTo(List.of("OK", "DUPLICATE", "DUPLICATE")))
                .body("businessKey", equalTo(List.of("CRM-2002", "CRM-2002", "CRM-2002")));
    }

    @Test
    void concurrentIdenticalRequestsCreateExactlyOneOrder() throws Exception {
        int threads = 8;
        CreateSalesOrderRequest request = ErpRequests.salesOrder("CRM-3003", "C-1001", "FG-100", "1");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CreateSalesOrderResponse>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                ErpPortType port = ErpSoapClient.port(soapUrl);
                futures.add(pool.submit(() -> {
                    start.await();
                    return port.createSalesOrder(request);
                }));
            }
            start.countDown();
            List<CreateSalesOrderResponse> responses = new ArrayList<>();
            for (Future<CreateSalesOrderResponse> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }

            assertThat(responses).extracting(CreateSalesOrderResponse::getSalesOrderNumber).containsOnly("SO-100001");
            assertThat(responses).filteredOn(response -> !response.isDuplicate()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().get("/sim/erp/sales-orders").then().body("$", hasSize(1));
    }

    @Test
    void salesOrderRejectionsCarryBusinessCodes() {
        assertFault(() -> erp.createSalesOrder(ErpRequests.salesOrder("CRM-4001", "C-0000", "FG-100", "1")),
                "BUS-CUSTOMER-UNKNOWN");
        assertFault(() -> erp.createSalesOrder(ErpRequests.salesOrder("CRM-4002", "C-9001", "FG-100", "1")),
                "BUS-CREDIT-BLOCKED");
        assertFault(() -> erp.createSalesOrder(ErpRequests.salesOrder("CRM-4003", "C-1001", "XX-999", "1")),
                "BUS-ITEM-UNKNOWN");
        assertFault(() -> erp.createSalesOrder(ErpRequests.salesOrder("CRM-4004", "C-1001", "FG-100", "0")),
                "BUS-QUANTITY-INVALID");

        given().get("/sim/erp/sales-orders").then().body("$", hasSize(0));
        given().queryParam("operation", "CreateSalesOrder").get("/sim/erp/calls").then()
                .body("outcome", equalTo(List.of("FAULT", "FAULT", "FAULT", "FAULT")));
    }

    @Test
    void masterDataAndStockComeFromTheSeed() throws Exception {
        List<Customer> customers = erp.listCustomers(new ListCustomersRequest()).getCustomer();
        assertThat(customers).extracting(Customer::getCustomerId).containsExactly("C-1001", "C-1002", "C-9001");
        assertThat(customers).filteredOn(Customer::isCreditBlocked).extracting(Customer::getCustomerId)
                .containsExactly("C-9001");
        assertThat(erp.listItems(new ListItemsRequest()).getItem()).hasSize(8);

        GetStockStatusRequest stockRequest = new GetStockStatusRequest();
        stockRequest.getItemId().add("FG-200");
        stockRequest.setPlant("1000");
        List<StockBalance> balances = erp.getStockStatus(stockRequest).getBalance();
        assertThat(balances).extracting(StockBalance::getLot).containsExactly("L-FG200-0001", "L-FG200-0002");
        assertThat(balances).extracting(StockBalance::getStatus)
                .containsExactly(StockStatus.UNRESTRICTED, StockStatus.QUALITY_HOLD);
    }

    @Test
    void releasedProductionOrdersCarryRoutingAndComponents() throws Exception {
        ListReleasedProductionOrdersRequest request = new ListReleasedProductionOrdersRequest();
        request.setReleasedSince(Instant.parse("2020-01-01T00:00:00Z"));
        request.setPlant("1000");
        List<ProductionOrder> orders = erp.listReleasedProductionOrders(request).getProductionOrder();

        assertThat(orders).isNotEmpty().allSatisfy(order -> {
            assertThat(order.getItemId()).isEqualTo("FG-100");
            assertThat(order.getOperation()).extracting(op -> op.getResourceId())
                    .containsExactly("RES-CNC-01", "RES-ASM-01");
            assertThat(order.getComponent()).extracting(component -> component.getItemId())
                    .containsExactlyInAnyOrder("SF-150", "RM-310");
        });

        request.setReleasedSince(Instant.now().plusSeconds(3600));
        assertThat(erp.listReleasedProductionOrders(request).getProductionOrder()).isEmpty();
    }

    @Test
    void goodsMovementsUpdateStockOnce() throws Exception {
        PostGoodsMovementResponse receipt = erp.postGoodsMovement(
                ErpRequests.goodsMovement("MV-1", MovementType.GOODS_RECEIPT, "FG-100", "L-FG100-0001", "50"));
        PostGoodsMovementResponse repeated = erp.postGoodsMovement(
                ErpRequests.goodsMovement("MV-1", MovementType.GOODS_RECEIPT, "FG-100", "L-FG100-0001", "50"));
        erp.postGoodsMovement(ErpRequests.goodsMovement("MV-2", MovementType.GOODS_ISSUE, "FG-100", "L-FG100-0001", "30"));

        assertThat(receipt.getDocumentNumber()).isEqualTo("GM-100001");
        assertThat(receipt.isDuplicate()).isFalse();
        assertThat(repeated.getDocumentNumber()).isEqualTo("GM-100001");
        assertThat(repeated.isDuplicate()).isTrue();
        given().queryParam("itemId", "FG-100").get("/sim/erp/stock").then()
                .body("[0].lot", equalTo("L-FG100-0001"))
                .body("[0].quantity", equalTo(520.0f));
        given().queryParam("type", "movement").get("/sim/erp/postings").then()
                .body("documentNumber", equalTo(List.of("GM-100001", "GM-100002")))
                .body("[0].request.movementType", equalTo("GOODS_RECEIPT"));

        assertFault(() -> erp.postGoodsMovement(
                ErpRequests.goodsMovement("MV-3", MovementType.GOODS_ISSUE, "XX-999", null, "1")), "BUS-ITEM-UNKNOWN");
        assertFault(() -> erp.postGoodsMovement(
                ErpRequests.goodsMovement("MV-4", MovementType.GOODS_ISSUE, "FG-100", "L-FG100-0001", "9999")),
                "BUS-STOCK-INSUFFICIENT");
        // a rejected movement is not posted: its key can be used again
        erp.postGoodsMovement(ErpRequests.goodsMovement("MV-4", MovementType.GOODS_ISSUE, "FG-100", null, "20"));
        given().queryParam("itemId", "FG-100").get("/sim/erp/stock").then().body("[0].quantity", equalTo(500.0f));
    }

    @Test
    void stockStatusChangesAreIdempotent() throws Exception {
        SetStockStatusRequest release = new SetStockStatusRequest();
        release.setPostingId("QS-1");
        release.setItemId("FG-200");
        release.setPlant("1000");
        release.setLot("L-FG200-0002");
        release.setStatus(StockStatus.UNRESTRICTED);
        release.setReason("inspection passed");

        assertThat(erp.setStockStatus(release).isDuplicate()).isFalse();
        assertThat(erp.setStockStatus(release).isDuplicate()).isTrue();
        given().queryParam("itemId", "FG-200").get("/sim/erp/stock").then()
                .body("status", equalTo(List.of("UNRESTRICTED", "UNRESTRICTED")));

        release.setPostingId("QS-2");
        release.setLot("L-NOPE");
        assertFault(() -> erp.setStockStatus(release), "BUS-LOT-UNKNOWN");
    }

    @Test
    void productionPostingsAreStoredOnceWithDocumentNumbers() throws Exception {
        PostProductionConfirmationRequest confirmation = ErpRequests.confirmation("CONF-1", "PO-700001", "0010");
        assertThat(erp.postProductionConfirmation(confirmation).getDocumentNumber()).isEqualTo("PC-100001");
        assertThat(erp.postProductionConfirmation(confirmation).isDuplicate()).isTrue();
        assertFault(() -> erp.postProductionConfirmation(ErpRequests.confirmation("CONF-2", "PO-000000", "0010")),
                "BUS-PRODUCTION-ORDER-UNKNOWN");
        assertFault(() -> erp.postProductionConfirmation(ErpRequests.confirmation("CONF-3", "PO-700001", "0990")),
                "BUS-OPERATION-UNKNOWN");

        PostDowntimeRequest downtime = new PostDowntimeRequest();
        downtime.setPostingId("DT-KEY-1");
        downtime.setResourceId("RES-CNC-01");
        downtime.setCostCenter("CC-4100");
        downtime.setStartedAt(Instant.parse("2026-11-22T08:00:00Z"));
        downtime.setEndedAt(Instant.parse("2026-11-22T08:45:00Z"));
        downtime.setReasonCode("SPINDLE-OVERTEMP");
        downtime.setProductionOrderNumber("PO-700001");
        assertThat(erp.postDowntime(downtime).getDocumentNumber()).isEqualTo("DT-100001");
        assertThat(erp.postDowntime(downtime).isDuplicate()).isTrue();

        PostMaintenanceCostRequest cost = new PostMaintenanceCostRequest();
        cost.setPostingId("MC-KEY-1");
        cost.setResourceId("RES-CNC-01");
        cost.setCostCenter("CC-4100");
        cost.setWorkRequestId("WR-1");
        cost.setAmount(new BigDecimal("840.00"));
        cost.setCurrency("EUR");
        SparePartDemand part = new SparePartDemand();
        part.setItemId("RM-310");
        part.setQuantity(ErpRequests.quantity("4", "EA"));
        cost.getSparePart().add(part);
        assertThat(erp.postMaintenanceCost(cost).getDocumentNumber()).isEqualTo("MC-100001");

        given().queryParam("type", "confirmation").get("/sim/erp/postings").then()
                .body("$", hasSize(1))
                .body("[0].businessKey", equalTo("CONF-1"))
                .body("[0].request.productionOrderNumber", equalTo("PO-700001"));
        given().queryParam("type", "downtime").get("/sim/erp/postings").then().body("$", hasSize(1));
        given().queryParam("type", "maintenance-cost").get("/sim/erp/postings").then()
                .body("[0].request.sparePart[0].itemId", equalTo("RM-310"));
        given().queryParam("type", "nonsense").get("/sim/erp/postings").then().statusCode(400);
    }

    @Test
    void callLogRecordsCorrelationAndTraceHeaders() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        ErpPortType traced = ErpSoapClient.port(soapUrl,
                Map.of("X-Correlation-Id", "corr-7788", "traceparent", traceparent));

        traced.listItems(new ListItemsRequest());

        given().queryParam("operation", "ListItems").get("/sim/erp/calls").then()
                .body("$", hasSize(1))
                .body("[0].operation", equalTo("ListItems"))
                .body("[0].outcome", equalTo("OK"))
                .body("[0].correlationId", equalTo("corr-7788"))
                .body("[0].traceparent", equalTo(traceparent));
    }

    @Test
    void wsdlIsServedFromTheContract() {
        given().queryParam("wsdl", "").get("/soap/erp").then()
                .statusCode(200)
                .body(containsString("urn:millwright:erp:v1:ListReleasedProductionOrders"));
    }

    static void assertFault(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ErpFault.class,
                fault -> assertThat(fault.getFaultInfo().getCode()).isEqualTo(code));
    }
}
