package io.millwright.quality.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.quality.result.QualityResults;

/** Q1: results that waited for their lot longer than {@code millwright.quality.results.match-within} become dead letters. */
@ApplicationScoped
public class ResultExpiryRoute extends RouteBuilder {

    @Inject
    QualityResults results;

    @Override
    public void configure() {
        from("timer:quality-result-expiry?period={{millwright.quality.results.expiry-check-interval}}")
                .routeId(QualityResults.EXPIRY_ROUTE_ID)
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(results, "expire");
    }
}
