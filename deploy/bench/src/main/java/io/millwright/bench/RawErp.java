package io.millwright.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import io.millwright.erp.contract.CreateSalesOrderRequest;
import io.millwright.erp.contract.ErpPortType;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.erp.contract.PostProductionConfirmationRequest;
import io.millwright.erp.contract.Quantity;
import io.millwright.erp.contract.SalesOrderLine;

/**
 * The raw peer: the ERP simulator's SOAP operations driven directly by a plain JAX-WS (CXF) client, one thread per
 * unit of concurrency, each calling as fast as the ERP answers. What the platform posts per second is compared with
 * this, at the same concurrency, in the same run.
 */
final class RawErp {

    private static final int WARM_UP_SECONDS = 5;

    private final String soapUrl;
    private final String runId;
    private final AtomicLong sequence = new AtomicLong();

    RawErp(String soapUrl, String runId) {
        this.soapUrl = soapUrl;
        this.runId = runId;
    }

    /** CreateSalesOrder calls per second with {@code concurrency} callers for {@code duration}. */
    double salesOrdersPerSecond(int concurrency, Duration duration, Progress progress) throws Exception {
        return loop("raw CreateSalesOrder", concurrency, duration, progress, erp -> () -> erp.createSalesOrder(salesOrder()));
    }

    /** PostProductionConfirmation calls per second against {@code productionOrder}. */
    double confirmationsPerSecond(int concurrency, Duration duration, String productionOrder, Progress progress) throws Exception {
        return loop("raw PostProductionConfirmation", concurrency, duration, progress,
                erp -> () -> erp.postProductionConfirmation(confirmation(productionOrder)));
    }

    private interface Call {
        Callable<Object> on(ErpPortType erp);
    }

    /** Calls for a warm-up of {@value #WARM_UP_SECONDS} s (not counted), then for {@code duration}: answers per second. */
    private double loop(String what, int concurrency, Duration duration, Progress progress, Call call) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        long warmedUp = System.nanoTime() + Duration.ofSeconds(WARM_UP_SECONDS).toNanos();
        long end = warmedUp + duration.toNanos();
        progress.show(() -> String.format("%s: %d calls answered (%d failed)", what, done.get(), failed.get()));
        AtomicLong counted = new AtomicLong();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                ErpPortType erp = client();
                Callable<Object> request = call.on(erp);
                running.add(callers.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            request.call();
                            done.incrementAndGet();
                            if (System.nanoTime() >= warmedUp) {
                                counted.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
        } finally {
            callers.shutdownNow();
        }
        if (failed.get() > done.get() / 100) {
            throw new IllegalStateException(what + ": " + failed.get() + " of " + (done.get() + failed.get()) + " calls failed, the first: "
                    + firstFailure.get());
        }
        return counted.get() / (duration.toNanos() / 1e9);
    }

    private ErpPortType client() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(ErpPortType.class);
        factory.setAddress(soapUrl);
        // the same SOAP user the services call with (HTTP Basic), so the peer pays what the platform pays
        Map<String, String> credentials = ErpSimulator.credentialsForTheErp();
        factory.setUsername(credentials.get("millwright.kit.targets.erp.username"));
        factory.setPassword(credentials.get("millwright.kit.targets.erp.password"));
        ErpPortType erp = (ErpPortType) factory.create();
        Client client = ClientProxy.getClient(erp);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(2000);
        policy.setReceiveTimeout(10_000);
        ((HTTPConduit) client.getConduit()).setClient(policy);
        return erp;
    }

    private CreateSalesOrderRequest salesOrder() {
        CreateSalesOrderRequest request = new CreateSalesOrderRequest();
        request.setExternalReference("RAW-" + runId + "-" + sequence.incrementAndGet());
        request.setCustomerId(Workload.CUSTOMER);
        request.setCurrency("EUR");
        SalesOrderLine line = new SalesOrderLine();
        line.setLineNumber(10);
        line.setItemId(Workload.ITEM);
        line.setQuantity(quantity(BigDecimal.valueOf(2)));
        line.setUnitPrice(Workload.UNIT_PRICE);
        request.getLine().add(line);
        return request;
    }

    private PostProductionConfirmationRequest confirmation(String productionOrder) {
        PostProductionConfirmationRequest request = new PostProductionConfirmationRequest();
        request.setConfirmationId("RAW-" + runId + "-" + sequence.incrementAndGet());
        request.setProductionOrderNumber(productionOrder);
        request.setOperationNumber(Workload.OPERATION);
        request.setResourceId(Workload.RESOURCE);
        request.setYield(quantity(BigDecimal.ONE));
        request.setScrap(quantity(BigDecimal.ZERO));
        request.setFinalConfirmation(false);
        request.setPostedAt(Instant.now());
        return request;
    }

    private static Quantity quantity(BigDecimal value) {
        Quantity quantity = new Quantity();
        quantity.setValue(value);
        quantity.setUnitOfMeasure("EA");
        return quantity;
    }
}
