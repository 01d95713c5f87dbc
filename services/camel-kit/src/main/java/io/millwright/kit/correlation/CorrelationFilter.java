package io.millwright.kit.correlation;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adopts or creates the correlation id of every REST request and echoes it on the response. */
public class CorrelationFilter {

    private static final String PROPERTY = CorrelationFilter.class.getName();

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String id = Correlation.asText(request.getHeaderString(Correlation.HTTP_HEADER));
        if (id == null) {
            id = Correlation.newId();
        }
        request.setProperty(PROPERTY, id);
        Correlation.bind(id);
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(Correlation.HTTP_HEADER, id.toString());
        }
    }
}
