package io.millwright.console.web;

import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyStep;
import io.quarkus.qute.TemplateData;

/** The canonical model's journey types, read by the templates (value resolvers generated at build time, no reflection). */
@TemplateData(target = JourneyStep.class)
@TemplateData(target = JourneyKey.class)
@TemplateData(target = JourneyKey.Kind.class)
final class TemplateTypes {

    private TemplateTypes() {
    }
}
