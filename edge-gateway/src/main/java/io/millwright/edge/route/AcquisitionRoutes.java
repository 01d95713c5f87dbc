package io.millwright.edge.route;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;

import io.millwright.edge.acquisition.ConnectionSupervisor;
import io.millwright.edge.acquisition.SampleAssembler;
import io.millwright.edge.acquisition.ScanGroup;
import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.PlantConfig;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.JournalWriter;
import io.millwright.edge.store.StoreBudget;
import io.millwright.edge.processing.LocalProcessor;

/**
 * One route per connection and scan interval: a timer tick polls the PLC through camel-plc4x
 * ({@code pollEnrich} with the connection's read timeout), the assembler turns the answer into readings with a
 * quality, local processing turns readings into journal entries (samples, aggregates, machine events) and the
 * journal writer makes them durable. Ticks are skipped while the connection backs off and while the store is full
 * of entries that must not be dropped.
 */
@ApplicationScoped
public class AcquisitionRoutes extends RouteBuilder {

    private final PlantConfig plant;
    private final EmbeddedJournal journal;

    AcquisitionRoutes(PlantConfig plant, EmbeddedJournal journal) {
        this.plant = plant;
        this.journal = journal;
    }

    @Override
    public void configure() {
        journal.ensureStarted();
        for (ConnectionConfig connection : plant.connections()) {
            for (var entry : connection.scanGroups().entrySet()) {
                acquire(new ScanGroup(connection, entry.getKey(), List.copyOf(entry.getValue())));
            }
        }
    }

    private void acquire(ScanGroup group) {
        Duration interval = group.interval();
        // Create the PLC endpoint now, so Camel starts it with the context. Left to the first poll, an endpoint
        // created in the moment between the routes starting and the context reporting "started" is handed to a
        // start-up listener that has already run: it is never started and every read fails (NPE in camel-plc4x).
        // The route polls this endpoint object: handing pollEnrich the URI would parse and normalise a URI of
        // every tag address on every scan.
        Endpoint plc = getContext().getEndpoint(group.endpointUri());
        // fixedRate: a scan interval is a period, as on a PLC or SCADA system, not a pause after each read
        fromF("timer:%s?period=%d&delay=0&fixedRate=true", group.routeId(), interval.toMillis())
                .routeId(group.routeId())
                .setProperty(ScanGroup.PROPERTY, constant(group))
                .filter(method(StoreBudget.class, "acquisitionAllowed"))
                .filter(method(ConnectionSupervisor.class, "attemptDue('" + group.connection().id() + "')"))
                    .doTry()
                        .pollEnrich(constant(plc), group.connection().readTimeout().toMillis(), (AggregationStrategy) null, false)
                    .doCatch(Exception.class)
                        .setProperty(ScanGroup.READ_ERROR_PROPERTY, simple("${exception.message}"))
                        .setBody(constant(Map.of()))
                    .end()
                    .bean(SampleAssembler.class, "assemble")
                    .bean(LocalProcessor.class, "process")
                    .bean(JournalWriter.class, "append")
                .end()
                .end();
    }
}
