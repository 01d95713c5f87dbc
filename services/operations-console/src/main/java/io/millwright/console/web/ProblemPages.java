package io.millwright.console.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/** A refused action as a page that says which role it needs, not a bare 403. */
public class ProblemPages {

    @Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        boolean operator = identity != null && identity.hasRole(ConsolePages.OPERATOR);
        String user = identity == null || identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        return Response.status(403).type(MediaType.TEXT_HTML)
                .entity(ConsolePages.Templates.problem(new ConsolePages.Page("", user, operator), 403, "Not allowed",
                        "This needs the operator role; you are logged in as " + user + " with the viewer role.").render())
                .build();
    }
}
