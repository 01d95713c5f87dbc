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
import io.millwright.kit.security.Roles;
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

    @Inject
    Instance<JourneyContributor> contributors;

    @GET
    @Operation(summary = "This service's steps of a business transaction", description = "kind: crm-order, order, sales-order,"
            + " production-order, lot, incident or trace; id: the object's id (up to 200 characters). Unknown ids answer no steps.")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public JourneyPart journey(@QueryParam("kind") String kind, @QueryParam("id") String id) {
        JourneyKey key = key(kind, id);
        List<JourneyStep> steps = new ArrayList<>();
        for (JourneyContributor contributor : contributors) {
            steps.addAll(contributor.steps(key));
        }
        steps.sort(Comparator.comparing(JourneyStep::at, Comparator.nullsLast(Comparator.naturalOrder())));
        Set<JourneyKey> related = new LinkedHashSet<>();
        for (JourneyStep step : steps) {
            related.add(step.subject());
            related.addAll(step.links());
        }
        related.remove(key);
        return new JourneyPart(key, steps, related.stream().filter(k -> k != null).toList());
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
