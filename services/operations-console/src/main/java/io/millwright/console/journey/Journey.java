package io.millwright.console.journey;

import java.util.List;

import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyStep;
import io.quarkus.qute.TemplateData;

/**
 * One business transaction as the console shows it: every step the services recorded about the keys the search led
 * to, oldest first, the keys it followed, the keys it shows as links only, and which services could not answer.
 *
 * @param followed  the keys asked of every service, in the order they were found (the searched one first)
 * @param linked    keys the steps name that the console did not follow (a component lot, another order's production
 *                  order): the page links to their own journey
 * @param problems  services that did not answer, and why; a journey with problems may be missing steps
 * @param truncated true when the search found more keys than it follows ({@link JourneyAssembler#MAX_KEYS})
 */
@TemplateData
public record Journey(JourneyKey searched, List<JourneyStep> steps, List<JourneyKey> followed, List<JourneyKey> linked,
        List<String> problems, boolean truncated, long millis) {

    /** The searched key's kind, or the kinds an automatic search found steps for. */
    public boolean empty() {
        return steps.isEmpty();
    }
}
