package io.millwright.edge.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Loads the plant file once; an invalid file fails start-up with the loader's line-by-line message. */
@ApplicationScoped
public class PlantConfigProducer {

    @Produces
    @Singleton
    PlantConfig plantConfig(EdgeConfig edge) {
        return PlantConfigLoader.load(edge.config());
    }
}
