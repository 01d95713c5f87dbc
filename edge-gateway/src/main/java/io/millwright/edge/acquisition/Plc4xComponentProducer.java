package io.millwright.edge.acquisition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.inject.Named;

import org.apache.camel.component.plc4x.Plc4XComponent;

import io.millwright.edge.config.PlantConfig;

/**
 * camel-plc4x has no Camel Quarkus extension; registering the component as a bean makes it available to routes
 * without relying on classpath component discovery (JVM mode only). It is camel-plc4x's component with supervised
 * endpoints ({@link SupervisedPlc4xComponent}).
 */
@ApplicationScoped
public class Plc4xComponentProducer {

    @Produces
    @Named("plc4x")
    @Singleton
    Plc4XComponent plc4x(PlantConfig plant) {
        return new SupervisedPlc4xComponent(plant);
    }
}
