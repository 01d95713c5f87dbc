package io.millwright.console;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** What the console reads: the services' APIs, the plants' edge gateways and Prometheus ({@code millwright.console.*}). */
@ConfigMapping(prefix = "millwright.console")
public interface ConsoleConfig {

    /** Each service's API by the service's name ({@code order-service}, ...). */
    Map<String, Service> services();

    /** The plants' edge gateways: {@code plant=url,plant=url}. */
    @WithName("edge-gateways")
    String edgeGateways();

    @WithName("prometheus-url")
    String prometheusUrl();

    @WithName("call-timeout")
    Duration callTimeout();

    @WithName("overview-range")
    Duration overviewRange();

    interface Service {
        String url();
    }
}
