package io.millwright.kit.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.DeadLetterChannelBuilder;
import org.apache.camel.builder.DefaultErrorHandlerBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;

import io.millwright.kit.config.KitConfig;
import io.millwright.kit.correlation.CorrelationProcessor;
import io.millwright.kit.error.Failures;

/**
 * The error policies Millwright routes opt into with {@code .routeConfigurationId(...)}:
 * <ul>
 * <li>{@value #ID}, for routes that consume messages (Kafka, direct, REST): bounded redelivery with exponential
 * backoff, then the dead-letter store with reason, original payload, headers and route id. Failures that retries
 * cannot cure ({@link Failures#NON_RETRYABLE}) skip the redeliveries. If the dead-letter store itself fails the
 * exchange fails too, so the consumer (Kafka offset, HTTP caller) sees the error and nothing is silently dropped.</li>
 * <li>{@value #WORK_QUEUE_ID}, for routes that consume a work queue: no redelivery and no dead-letter channel in
 * memory, because the queue retries durably (attempts, backoff, lease) and dead-letters what it gives up on. A
 * failure is left on the exchange for the queue to see; {@code onException}/{@code doTry} still work in the route.</li>
 * </ul>
 * Both bind the correlation id at the start of every route.
 */
@ApplicationScoped
public class MillwrightRouteConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "millwright-default";
    public static final String WORK_QUEUE_ID = "millwright-work-queue";
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
        deadLetters.redeliveryDelay(errors.redeliveryDelay().toMillis());
        deadLetters.useExponentialBackOff();
        deadLetters.backOffMultiplier(errors.backoffMultiplier());
        deadLetters.maximumRedeliveryDelay(errors.maxRedeliveryDelay().toMillis());
        deadLetters.retryAttemptedLogLevel(LoggingLevel.WARN);
        deadLetters.logExhausted(true);
        deadLetters.logExhaustedMessageHistory(false);
        rc.errorHandler(deadLetters);
        rc.onException(Failures.NON_RETRYABLE.toArray(Class[]::new))
                .maximumRedeliveries(0)
                .useOriginalMessage();
        rc.interceptFrom().process(correlation);

        RouteConfigurationDefinition workQueue = routeConfiguration(WORK_QUEUE_ID);
        DefaultErrorHandlerBuilder leaveItToTheQueue = defaultErrorHandler();
        leaveItToTheQueue.maximumRedeliveries(0);
        leaveItToTheQueue.logExhausted(false);
        leaveItToTheQueue.logStackTrace(false);
        leaveItToTheQueue.logRetryAttempted(false);
        workQueue.errorHandler(leaveItToTheQueue);
        workQueue.interceptFrom().process(correlation);
    }
}
