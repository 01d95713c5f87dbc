package io.millwright.simulators.erp.soap;

import io.millwright.erp.contract.CreateSalesOrderRequest;
import io.millwright.erp.contract.CreateSalesOrderResponse;
import io.millwright.erp.contract.ErpFault;
import io.millwright.erp.contract.ErpPortType;
import io.millwright.erp.contract.GetSalesOrderRequest;
import io.millwright.erp.contract.GetSalesOrderResponse;
import io.millwright.erp.contract.GetStockStatusRequest;
import io.millwright.erp.contract.GetStockStatusResponse;
import io.millwright.erp.contract.ListCustomersRequest;
import io.millwright.erp.contract.ListCustomersResponse;
import io.millwright.erp.contract.ListItemsRequest;
import io.millwright.erp.contract.ListItemsResponse;
import io.millwright.erp.contract.ListReleasedProductionOrdersRequest;
import io.millwright.erp.contract.ListReleasedProductionOrdersResponse;
import io.millwright.erp.contract.PostDowntimeRequest;
import io.millwright.erp.contract.PostDowntimeResponse;
import io.millwright.erp.contract.PostGoodsMovementRequest;
import io.millwright.erp.contract.PostGoodsMovementResponse;
import io.millwright.erp.contract.PostMaintenanceCostRequest;
import io.millwright.erp.contract.PostMaintenanceCostResponse;
import io.millwright.erp.contract.PostProductionConfirmationRequest;
import io.millwright.erp.contract.PostProductionConfirmationResponse;
import io.millwright.erp.contract.SetStockStatusRequest;
import io.millwright.erp.contract.SetStockStatusResponse;
import io.millwright.simulators.erp.service.AutoRelease;
import io.millwright.simulators.erp.service.ErpOperationRunner;
import io.millwright.simulators.erp.service.MasterDataService;
import io.millwright.simulators.erp.service.PostingService;
import io.millwright.simulators.erp.service.ProductionOrderService;
import io.millwright.simulators.erp.service.SalesOrderService;
import io.millwright.simulators.erp.service.StockService;
import jakarta.inject.Inject;
import jakarta.jws.WebService;

/**
 * The simulated ERP's SOAP endpoint, published at {@code /soap/erp} from erp.wsdl (the WSDL served at
 * {@code ?wsdl} is that file). Each operation names its business key for the call log and delegates.
 */
@WebService(serviceName = "ErpService", portName = "ErpPort", targetNamespace = "urn:millwright:erp:v1",
        endpointInterface = "io.millwright.erp.contract.ErpPortType", wsdlLocation = "contracts/erp/erp.wsdl")
public class ErpSoapEndpoint implements ErpPortType {

    @Inject
    ErpOperationRunner runner;

    @Inject
    MasterDataService masterData;

    @Inject
    StockService stock;

    @Inject
    SalesOrderService salesOrders;

    @Inject
    ProductionOrderService productionOrders;

    @Inject
    PostingService postings;

    @Inject
    AutoRelease autoRelease;

    @Override
    public ListCustomersResponse listCustomers(ListCustomersRequest request) throws ErpFault {
        return runner.read(SoapCallHeaders.current("ListCustomers", null), () -> masterData.listCustomers(request));
    }

    @Override
    public ListItemsResponse listItems(ListItemsRequest request) throws ErpFault {
        return runner.read(SoapCallHeaders.current("ListItems", null), () -> masterData.listItems(request));
    }

    @Override
    public GetStockStatusResponse getStockStatus(GetStockStatusRequest request) throws ErpFault {
        String key = request.getItemId().isEmpty() ? null : String.join(",", request.getItemId());
        return runner.read(SoapCallHeaders.current("GetStockStatus", key), () -> stock.getStockStatus(request));
    }

    @Override
    public SetStockStatusResponse setStockStatus(SetStockStatusRequest request) throws ErpFault {
        return runner.run(SoapCallHeaders.current("SetStockStatus", request.getPostingId()),
                () -> stock.setStockStatus(request), SetStockStatusResponse::isDuplicate);
    }

    @Override
    public CreateSalesOrderResponse createSalesOrder(CreateSalesOrderRequest request) throws ErpFault {
        CreateSalesOrderResponse response = runner.run(
                SoapCallHeaders.current("CreateSalesOrder", request.getExternalReference()),
                () -> salesOrders.create(request), CreateSalesOrderResponse::isDuplicate);
        if (!response.isDuplicate()) {
            // committed by now; the release (if auto-release is on) follows on another thread
            autoRelease.salesOrderCreated(response.getSalesOrderNumber());
        }
        return response;
    }

    @Override
    public GetSalesOrderResponse getSalesOrder(GetSalesOrderRequest request) throws ErpFault {
        String key = request.getSalesOrderNumber() != null ? request.getSalesOrderNumber()
                : request.getExternalReference();
        return runner.read(SoapCallHeaders.current("GetSalesOrder", key), () -> salesOrders.get(request));
    }

    @Override
    public ListReleasedProductionOrdersResponse listReleasedProductionOrders(
            ListReleasedProductionOrdersRequest request) throws ErpFault {
        return runner.read(SoapCallHeaders.current("ListReleasedProductionOrders", request.getPlant()),
                () -> productionOrders.listReleased(request));
    }

    @Override
    public PostProductionConfirmationResponse postProductionConfirmation(PostProductionConfirmationRequest request)
            throws ErpFault {
        return runner.run(SoapCallHeaders.current("PostProductionConfirmation", request.getConfirmationId()),
                () -> postings.confirm(request), PostProductionConfirmationResponse::isDuplicate);
    }

    @Override
    public PostGoodsMovementResponse postGoodsMovement(PostGoodsMovementRequest request) throws ErpFault {
        return runner.run(SoapCallHeaders.current("PostGoodsMovement", request.getMovementId()),
                () -> postings.postGoodsMovement(request), PostGoodsMovementResponse::isDuplicate);
    }

    @Override
    public PostDowntimeResponse postDowntime(PostDowntimeRequest request) throws ErpFault {
        return runner.run(SoapCallHeaders.current("PostDowntime", request.getPostingId()),
                () -> postings.postDowntime(request), PostDowntimeResponse::isDuplicate);
    }

    @Override
    public PostMaintenanceCostResponse postMaintenanceCost(PostMaintenanceCostRequest request) throws ErpFault {
        return runner.run(SoapCallHeaders.current("PostMaintenanceCost", request.getPostingId()),
                () -> postings.postMaintenanceCost(request), PostMaintenanceCostResponse::isDuplicate);
    }
}
