package io.millwright.model.journey;

import java.util.List;

/**
 * One service's answer to a journey question ({@code GET /api/v1/journey?kind=&id=}): the steps it recorded about
 * the key, oldest first, and the keys those steps lead to other than the one asked for (each once, in the order the
 * steps name them).
 */
public record JourneyPart(JourneyKey key, List<JourneyStep> steps, List<JourneyKey> related) {

    public JourneyPart {
        steps = List.copyOf(steps);
        related = related.stream().distinct().toList();
    }
}
