package io.millwright.kit.journey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.millwright.kit.rest.FieldError;
import io.millwright.kit.rest.UnprocessableEntityException;
import io.millwright.model.security.Roles;
import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyPart;
import io.millwright.model.journey.JourneyStep;

/**
 * This service's steps of one business transaction (docs/console.md, "Journey"): what it recorded about the object a
 * key names, oldest first, and the keys those steps lead to, so a caller can follow the transaction on to the other
 * services until nothing new turns up.
 */
@Path("/api/v1/journey")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journey", description = "This service's steps of a business transaction, by CRM order, order, sales order, production order, lot, incident or trace id")
public class JourneyResource {

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_KEYS = 50;

    @Inject
    Instance<JourneyContributor> contributors;

    @GET
    @Operation(summary = "This service's steps of a business transaction", description = "kind: crm-order, order, sales-order,"
            + " production-order, lot, incident or trace; id: the object's id (up to 200 characters). Or key=kind:id, repeated"
            + " (up to " + MAX_KEYS + "): the steps about any of them, each once, and the keys they lead to beyond them. Unknown ids"
            + " answer no steps.")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public JourneyPart journey(@QueryParam("kind") String kind, @QueryParam("id") String id, @QueryParam("key") List<String> keys) {
        List<JourneyKey> asked = asked(kind, id, keys);
        Set<JourneyStep> found = new LinkedHashSet<>();
        for (JourneyKey key : asked) {
            for (JourneyContributor contributor : contributors) {
                found.addAll(contributor.steps(key));
            }
        }
        List<JourneyStep> steps = new ArrayList<>(found);
        steps.sort(Comparator.comparing(JourneyStep::at, Comparator.nullsLast(Comparator.naturalOrder())));
        Set<JourneyKey> related = new LinkedHashSet<>();
        for (JourneyStep step : steps) {
            related.add(step.subject());
            related.addAll(step.links());
        }
        asked.forEach(related::remove);
        return new JourneyPart(asked.get(0), steps, related.stream().filter(k -> k != null).toList());
    }

    /** One key (kind and id), or several ({@code key=kind:id}, the console asks about a whole round at once). */
    static List<JourneyKey> asked(String kind, String id, List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return List.of(key(kind, id));
        }
        if (kind != null || id != null) {
            throw new UnprocessableEntityException(List.of(new FieldError("key", "give kind and id, or keys, not both")));
        }
        if (keys.size() > MAX_KEYS) {
            throw new UnprocessableEntityException(List.of(new FieldError("key", "at most " + MAX_KEYS + " keys, not " + keys.size())));
        }
        List<JourneyKey> asked = new ArrayList<>();
        for (String key : keys) {
            int colon = key == null ? -1 : key.indexOf(':');
            if (colon <= 0) {
                throw new UnprocessableEntityException(List.of(new FieldError("key", "must be kind:id, e.g. lot:L-1001, not '"
                        + (key == null ? "" : key.substring(0, Math.min(key.length(), 40))) + "'")));
            }
            try {
                asked.add(key(key.substring(0, colon), key.substring(colon + 1)));
            } catch (UnprocessableEntityException e) {
                throw new UnprocessableEntityException(List.of(new FieldError("key", key.substring(0, Math.min(key.length(), 40))
                        + ": kind must be one of crm-order, order, sales-order, production-order, lot, incident, trace; id 1 to "
                        + MAX_ID_LENGTH + " characters")));
            }
        }
        return asked.stream().distinct().toList();
    }

    static JourneyKey key(String kind, String id) {
        List<FieldError> errors = new ArrayList<>();
        JourneyKey.Kind parsed = JourneyKey.Kind.of(kind).orElse(null);
        if (parsed == null) {
            errors.add(new FieldError("kind", "must be one of crm-order, order, sales-order, production-order, lot, incident, trace"));
        }
        if (id == null || id.isBlank()) {
            errors.add(new FieldError("id", "must not be blank"));
        } else if (id.length() > MAX_ID_LENGTH) {
            errors.add(new FieldError("id", "must be at most " + MAX_ID_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableEntityException(errors);
        }
        return JourneyKey.of(parsed, id.trim());
    }
}
