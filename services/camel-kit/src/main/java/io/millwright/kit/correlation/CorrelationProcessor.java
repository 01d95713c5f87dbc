package io.millwright.kit.correlation;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Runs at the start of every route that uses the default route configuration: adopts the incoming
 * correlation id (HTTP header or CloudEvents Kafka header) or starts a new one, and binds it to the log MDC.
 */
@ApplicationScoped
public class CorrelationProcessor implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        String id = Correlation.asText(in.getHeader(Correlation.HTTP_HEADER));
        if (id == null) {
            id = Correlation.asText(in.getHeader(Correlation.KAFKA_HEADER));
        }
        if (id == null) {
            id = Correlation.newId();
        }
        in.setHeader(Correlation.HTTP_HEADER, id);
        exchange.setProperty(Correlation.EXCHANGE_PROPERTY, id);
        String previous = Correlation.current();
        Correlation.bind(id);
        if (!id.equals(previous)) {
            // Restore the thread's log context when this exchange is done, so later work is not attributed to it.
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    Correlation.bind(previous);
                }
            });
        }
    }
}
