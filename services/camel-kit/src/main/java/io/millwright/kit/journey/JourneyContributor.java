package io.millwright.kit.journey;

import java.util.List;

import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyStep;

/**
 * A service's part of a journey: the steps it recorded about a business object, found by any key it knows. A service
 * implements it as a CDI bean; the kit's {@code /api/v1/journey} asks every contributor of the service. Keys a
 * contributor does not know yield no steps (never an error).
 */
public interface JourneyContributor {

    List<JourneyStep> steps(JourneyKey key);
}
