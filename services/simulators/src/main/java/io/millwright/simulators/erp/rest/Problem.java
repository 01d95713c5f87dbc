package io.millwright.simulators.erp.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A 4xx answer with a one-line reason, as {@code {"error": "..."}}. */
record Problem(String error) {

    static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(message)).build();
    }
}
