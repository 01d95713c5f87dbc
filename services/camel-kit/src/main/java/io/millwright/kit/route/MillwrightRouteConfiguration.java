package io.millwright.kit.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.DeadLetterChannelBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.millwright.kit.config.KitConfig;
import io.millwright.kit.correlation.CorrelationProcessor;

/**
 * The error policy every Millwright route opts into with {@code .routeConfigurationId(MillwrightRouteConfiguration.ID)}:
 * bounded redelivery with exponential backoff, then the dead-letter store with reason, original payload, headers
 * and route id. Failures that retries cannot cure skip the redeliveries. If the dead-letter store itself fails the
 * exchange fails too, so the consumer (Kafka offset, HTTP caller) sees the error and nothing is silently dropped.
 */
@ApplicationScoped
public class MillwrightRouteConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "millwright-default";
    public static final String DEAD_LETTER_URI = "direct:millwright-dead-letter";

    @Inject
    KitConfig config;

    @Inject
    CorrelationProcessor correlation;

    @Override
    public void configuration() {
        KitConfig.Errors errors = config.errors();
        RouteConfigurationDefinition rc = routeConfiguration(ID);
        DeadLetterChannelBuilder deadLetters = deadLetterChannel(DEAD_LETTER_URI);
        deadLetters.useOriginalMessage();
        deadLetters.deadLetterHandleNewException(false);
        deadLetters.maximumRedeliveries(errors.maxRedeliveries());
        deadLetters.redeliveryDelay(errors.redeliveryDelayMs());
        deadLetters.useExponentialBackOff();
        deadLetters.backOffMultiplier(errors.backoffMultiplier());
        deadLetters.maximumRedeliveryDelay(errors.maxRedeliveryDelayMs());
        deadLetters.retryAttemptedLogLevel(LoggingLevel.WARN);
        deadLetters.logExhausted(true);
        deadLetters.logExhaustedMessageHistory(false);
        rc.errorHandler(deadLetters);
        rc.onException(NonRetryableException.class, JsonProcessingException.class, IllegalArgumentException.class)
                .maximumRedeliveries(0)
                .useOriginalMessage();
        rc.interceptFrom().process(correlation);
    }
}
