package io.millwright.order.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.erp.contract.Customer;
import io.millwright.erp.contract.Item;
import io.millwright.erp.contract.ListCustomersRequest;
import io.millwright.erp.contract.ListCustomersResponse;
import io.millwright.erp.contract.ListItemsRequest;
import io.millwright.erp.contract.ListItemsResponse;
import io.millwright.kit.erp.ErpGateway;
import io.millwright.order.config.OrderConfig;
import io.millwright.order.persistence.CustomerRecord;
import io.millwright.order.persistence.ItemRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Replicates customers and items (with list prices) from ERP so order validation keeps working while ERP is
 * down. Runs at start-up and then on the configured interval; after a failure it tries again on the next tick
 * (every 30 s at most) instead of waiting a whole interval.
 */
@ApplicationScoped
public class MasterDataSync {

    /** The route that takes CRM orders from Kafka; it starts once master data exists (until then orders wait in Kafka). */
    public static final String CRM_INBOUND_ROUTE_ID = "order.crm-inbound";

    private static final Logger LOG = Logger.getLogger(MasterDataSync.class);

    @Inject
    ErpGateway erp;

    @Inject
    OrderConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    CamelContext camel;

    private volatile Instant lastSuccess;

    public void syncIfDue() {
        Instant last = lastSuccess;
        if (last == null || !last.plus(config.masterData().syncInterval()).isAfter(Instant.now())) {
            try {
                sync();
            } catch (RuntimeException e) {
                registry.counter("millwright.order.master.data.sync.failures").increment();
                LOG.warnf("Master data sync from ERP failed, will retry: %s", e.getMessage());
            }
        }
        startCrmInboundOnceMasterDataExists();
    }

    private void startCrmInboundOnceMasterDataExists() {
        ServiceStatus status = camel.getRouteController().getRouteStatus(CRM_INBOUND_ROUTE_ID);
        if (status != null && status.isStartable() && hasMasterData()) {
            try {
                camel.getRouteController().startRoute(CRM_INBOUND_ROUTE_ID);
                LOG.info("Master data available: consuming CRM orders from Kafka");
            } catch (Exception e) {
                throw new IllegalStateException("Could not start " + CRM_INBOUND_ROUTE_ID, e);
            }
        }
    }

    public void sync() {
        List<Customer> customers = erp.call("ListCustomers", new ListCustomersRequest(), ListCustomersResponse.class).getCustomer();
        List<Item> items = erp.call("ListItems", new ListItemsRequest(), ListItemsResponse.class).getItem();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            customers.forEach(c -> upsert(c, now));
            items.forEach(i -> upsert(i, now));
        });
        lastSuccess = now;
        LOG.infof("Master data replicated from ERP: %d customers, %d items", customers.size(), items.size());
    }

    /** True once master data is available locally (this run or an earlier one). */
    public boolean hasMasterData() {
        return lastSuccess != null || QuarkusTransaction.joiningExisting().call(() -> ItemRecord.count() > 0);
    }

    private static void upsert(Customer c, Instant now) {
        CustomerRecord record = CustomerRecord.findById(c.getCustomerId());
        if (record == null) {
            record = new CustomerRecord();
            record.customerId = c.getCustomerId();
        }
        record.name = c.getName();
        record.paymentTerms = c.getPaymentTerms();
        record.currency = c.getCurrency();
        record.creditLimit = c.getCreditLimit();
        record.creditBlocked = c.isCreditBlocked();
        record.syncedAt = now;
        record.persist();
    }

    private static void upsert(Item i, Instant now) {
        ItemRecord record = ItemRecord.findById(i.getItemId());
        if (record == null) {
            record = new ItemRecord();
            record.itemId = i.getItemId();
        }
        record.description = i.getDescription();
        record.itemType = i.getItemType();
        record.baseUom = i.getBaseUnitOfMeasure();
        record.listPrice = i.getListPrice();
        record.currency = i.getCurrency();
        record.syncedAt = now;
        record.persist();
    }
}
