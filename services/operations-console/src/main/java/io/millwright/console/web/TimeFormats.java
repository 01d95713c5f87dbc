package io.millwright.console.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** How the pages show a point in time: UTC, to the millisecond, readable ({@code {step.at.clock}}). */
@TemplateExtension
final class TimeFormats {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private TimeFormats() {
    }

    static String clock(Instant at) {
        return CLOCK.format(at);
    }
}
