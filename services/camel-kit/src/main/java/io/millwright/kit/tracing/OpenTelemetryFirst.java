package io.millwright.kit.tracing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.StartupEvent;

/**
 * Makes Quarkus's OpenTelemetry SDK (and with it the global instance) before anything else at start-up. Camel's
 * OpenTelemetry tracer asks for the global instance while Camel configures itself; when that came first (a health
 * probe or request arriving early decides the order), the SDK's own registration failed with "GlobalOpenTelemetry.set
 * has already been called" and the service did not start.
 */
@ApplicationScoped
public class OpenTelemetryFirst {

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, OpenTelemetry openTelemetry) {
        openTelemetry.getPropagators();
    }
}
