package io.millwright.console.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.millwright.console.deadletter.DeadLetterBoard;
import io.millwright.console.edge.EdgePlants;
import io.millwright.console.journey.Journey;
import io.millwright.console.journey.JourneyAssembler;
import io.millwright.console.journey.LotGenealogy;
import io.millwright.console.overview.Overview;
import io.millwright.console.overview.OverviewSource;
import io.millwright.console.platform.Answer;
import io.millwright.model.common.ModelJson;
import io.millwright.model.journey.JourneyKey;
import io.millwright.model.journey.JourneyKey.Kind;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.quarkus.qute.TemplateData;

/**
 * The console's pages, server-rendered (Qute): overview, journey, lot genealogy, dead letters, edge plants. Every page
 * needs a login with role viewer or operator; replay and discard need operator (and the service checks again, with
 * the person's own token).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ConsolePages {

    static final String VIEWER = "viewer";
    static final String OPERATOR = "operator";
    /** The longest search text the console takes (the services' journey API takes 200 characters too). */
    static final int MAX_TEXT = 200;

    /** Who is looking, and which part of the console. */
    @TemplateData
    public record Page(String section, String user, boolean operator) {
    }

    /** A form field's problem, shown beside the field. */
    @TemplateData
    public record FieldError(String field, String message) {
    }

    /** A kind of journey key for the search form. */
    @TemplateData
    public record KindOption(String value, String label) {
    }

    static final List<KindOption> KINDS = List.of(new KindOption("auto", "Any (find it)"), new KindOption("crm-order", "CRM order"),
            new KindOption("order", "Order (Millwright id)"), new KindOption("sales-order", "ERP sales order"),
            new KindOption("production-order", "Production order"), new KindOption("lot", "Lot"), new KindOption("incident", "Machine incident"),
            new KindOption("trace", "Trace id"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Page page, Overview overview);

        static native TemplateInstance journey(Page page, List<KindOption> kinds, String kind, String id, List<FieldError> errors,
                Journey journey, List<String> found);

        static native TemplateInstance lot(Page page, String lot, List<FieldError> errors, LotGenealogy.View view);

        static native TemplateInstance deadLetters(Page page, List<String> sources, List<String> statuses, String source, String status,
                String q, List<FieldError> errors, DeadLetterBoard.Listing listing, List<DeadLetterBoard.AuditEntry> audit,
                List<String> auditProblems, String done);

        static native TemplateInstance deadLetter(Page page, String source, String id, boolean edge, Answer answer, String pretty,
                String status);

        static native TemplateInstance plants(Page page, List<EdgePlants.Plant> plants);

        static native TemplateInstance problem(Page page, int status, String title, String message);
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    AccessTokenCredential accessToken;
    @Inject
    OverviewSource overviews;
    @Inject
    JourneyAssembler journeys;
    @Inject
    LotGenealogy genealogies;
    @Inject
    DeadLetterBoard deadLetters;
    @Inject
    EdgePlants edgePlants;

    @GET
    @RolesAllowed({VIEWER, OPERATOR})
    public TemplateInstance overview() {
        return Templates.overview(page("overview"), overviews.overview());
    }

    @GET
    @Path("journey")
    @RolesAllowed({VIEWER, OPERATOR})
    public Response journey(@QueryParam("kind") String kind, @QueryParam("id") String id) {
        String chosen = chosenKind(kind);
        List<FieldError> errors = journeyErrors(kind, chosen, id);
        if (id == null || id.isBlank() || !errors.isEmpty()) {
            return respond(errors, Templates.journey(page("journey"), KINDS, safe(chosen), id == null ? "" : safe(id), errors, null, List.of()));
        }
        List<String> found = new ArrayList<>();
        Journey journey = find(chosen, id.trim(), found);
        return Response.ok(Templates.journey(page("journey"), KINDS, chosen, id.trim(), errors, journey, found)).build();
    }

    /**
     * The same journey as JSON (Accept: application/json), for scripts and the local run: a bearer token with role
     * viewer or operator, as for the services' own APIs.
     */
    @GET
    @Path("journey")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({VIEWER, OPERATOR})
    public Response journeyJson(@QueryParam("kind") String kind, @QueryParam("id") String id) {
        String chosen = chosenKind(kind);
        List<FieldError> errors = journeyErrors(kind == null ? "" : kind, chosen, id);
        if (!errors.isEmpty()) {
            return Response.status(422).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("title", "Unprocessable journey search", "status", 422, "errors", errors)).build();
        }
        return Response.ok(find(chosen, id.trim(), new ArrayList<>()), MediaType.APPLICATION_JSON).build();
    }

    private static String chosenKind(String kind) {
        return kind == null || kind.isBlank() ? "auto" : kind.trim();
    }

    /** What is wrong with a journey search; a first visit (no kind, no id) is not wrong. */
    private static List<FieldError> journeyErrors(String kind, String chosen, String id) {
        List<FieldError> errors = new ArrayList<>();
        if (KINDS.stream().noneMatch(k -> k.value().equals(chosen))) {
            errors.add(new FieldError("kind", "Choose one of: " + String.join(", ", KINDS.stream().map(KindOption::value).toList())));
        }
        if (id == null || id.isBlank()) {
            if (kind != null) {
                errors.add(new FieldError("id", "Enter the id to follow"));
            }
        } else {
            text("id", id, errors);
        }
        return errors;
    }

    /** The journey of {@code id} as {@code kind}; "auto" asks which kinds it is and follows the first. */
    private Journey find(String kind, String id, List<String> found) {
        if (!"auto".equals(kind)) {
            return journeys.assemble(JourneyKey.of(Kind.of(kind).orElseThrow(), id), token());
        }
        List<Kind> kinds = journeys.kindsOf(id, token());
        kinds.forEach(k -> found.add(k.apiName()));
        return journeys.assemble(JourneyKey.of(kinds.isEmpty() ? Kind.ORDER : kinds.get(0), id), token());
    }

    @GET
    @Path("lots")
    @RolesAllowed({VIEWER, OPERATOR})
    public Response lotSearch(@QueryParam("lot") String lot) {
        if (lot == null) {
            return Response.ok(Templates.lot(page("lots"), "", List.of(), null)).build();
        }
        List<FieldError> errors = new ArrayList<>();
        if (lot.isBlank()) {
            errors.add(new FieldError("lot", "Enter a lot"));
        }
        text("lot", lot, errors);
        if (!errors.isEmpty()) {
            return respond(errors, Templates.lot(page("lots"), safe(lot), errors, null));
        }
        return Response.ok(Templates.lot(page("lots"), lot.trim(), errors, genealogies.of(lot.trim(), token()))).build();
    }

    @GET
    @Path("dead-letters")
    @RolesAllowed({VIEWER, OPERATOR})
    public Response deadLetters(@QueryParam("source") String source, @QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("done") String done) {
        List<FieldError> errors = new ArrayList<>();
        String from = blankToNull(source);
        String state = blankToNull(status);
        String words = blankToNull(q);
        if (from != null && !deadLetters.sources().contains(from)) {
            errors.add(new FieldError("source", "Unknown source; choose one of the list"));
        }
        if (state != null && !DeadLetterBoard.STATUSES.contains(state)) {
            errors.add(new FieldError("status", "Choose NEW, REPLAYED or DISCARDED"));
        }
        if (words != null) {
            text("q", words, errors);
        }
        if (done != null) {
            text("done", done, errors);
        }
        if (!errors.isEmpty()) {
            return respond(errors, Templates.deadLetters(page("dead-letters"), deadLetters.sources(), DeadLetterBoard.STATUSES, safe(from),
                    safe(state), safe(words), errors, new DeadLetterBoard.Listing(List.of(), List.of(), 0), List.of(), List.of(), null));
        }
        List<String> auditProblems = new ArrayList<>();
        DeadLetterBoard.Listing listing = deadLetters.list(from, state, words, token());
        List<DeadLetterBoard.AuditEntry> audit = deadLetters.audit(token(), auditProblems);
        return Response.ok(Templates.deadLetters(page("dead-letters"), deadLetters.sources(), DeadLetterBoard.STATUSES, from, state, words,
                errors, listing, audit, auditProblems, done)).build();
    }

    @GET
    @Path("dead-letters/{source}/{id}")
    @RolesAllowed({VIEWER, OPERATOR})
    public Response deadLetter(@PathParam("source") String source, @PathParam("id") String id) {
        Optional<Response> unknown = unknownLetter(source, id);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        Answer answer = deadLetters.detail(source, id, token());
        if (answer.status() == 404) {
            return notFound("No dead letter " + id + " at " + source);
        }
        String pretty = null;
        String status = null;
        if (answer.ok()) {
            try {
                var node = ModelJson.mapper().readTree(answer.body());
                status = node.path("status").asText(deadLetters.isEdge(source) ? "NEW" : null);
                pretty = ModelJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
            } catch (java.io.IOException e) {
                pretty = answer.body();
            }
        }
        return Response.ok(Templates.deadLetter(page("dead-letters"), source, id, deadLetters.isEdge(source), answer, pretty, status)).build();
    }

    @POST
    @Path("dead-letters/{source}/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(OPERATOR)
    public Response act(@PathParam("source") String source, @PathParam("id") String id, @PathParam("action") String action) {
        if (!"replay".equals(action) && !"discard".equals(action)) {
            return notFound("No such action: " + safe(action));
        }
        Optional<Response> unknown = unknownLetter(source, id);
        if (unknown.isPresent()) {
            return unknown.get();
        }
        Answer answer = deadLetters.act(source, id, action, token());
        if (!answer.ok()) {
            int status = answer.status() == 0 ? 502 : answer.status() == 404 ? 404 : answer.status() == 403 ? 403 : 502;
            return Response.status(status).entity(Templates.problem(page("dead-letters"), status, "Not " + (action.equals("replay") ? "replayed" : "discarded"),
                    answer.problem())).build();
        }
        String done = (action.equals("replay") ? "Replayed " : "Discarded ") + id + " at " + source;
        // back to the letters still waiting: the one just handled has left them
        return Response.seeOther(URI.create("/dead-letters?status=NEW&done=" + URLEncoder.encode(done, StandardCharsets.UTF_8))).build();
    }

    @GET
    @Path("plants")
    @RolesAllowed({VIEWER, OPERATOR})
    public TemplateInstance plants() {
        return Templates.plants(page("plants"), edgePlants.plants());
    }

    private Optional<Response> unknownLetter(String source, String id) {
        if (deadLetters.isService(source) && parseUuid(id).isPresent()) {
            return Optional.empty();
        }
        if (deadLetters.isEdge(source) && id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(notFound("No dead letter " + safe(id) + " at " + safe(source)));
    }

    private Response notFound(String message) {
        return Response.status(404).entity(Templates.problem(page("dead-letters"), 404, "Not found", message)).build();
    }

    private static Response respond(List<FieldError> errors, TemplateInstance page) {
        return Response.status(errors.isEmpty() ? 200 : 422).entity(page).build();
    }

    /** Text a person typed: not too long, no control characters (which no service stores). */
    static void text(String field, String value, List<FieldError> errors) {
        if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "At most " + MAX_TEXT + " characters, not " + value.length()));
        } else if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            errors.add(new FieldError(field, "Control characters (such as NUL) are not allowed"));
        }
    }

    /** Echoes a value back into a form without its control characters. */
    static String safe(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("\\p{Cntrl}", "");
        return cleaned.length() > MAX_TEXT ? cleaned.substring(0, MAX_TEXT) : cleaned;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Optional<UUID> parseUuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Page page(String section) {
        return new Page(section, identity.getPrincipal().getName(), identity.hasRole(OPERATOR));
    }

    private String token() {
        return accessToken.getToken();
    }
}
