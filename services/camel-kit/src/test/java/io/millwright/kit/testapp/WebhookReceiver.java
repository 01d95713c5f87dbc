package io.millwright.kit.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import io.millwright.kit.webhook.IncomingWebhooks;
import io.millwright.model.webhook.WebhookSignature;

/** An incoming webhook as a service has one: no bearer token, the signature is the authentication. */
@Path("/webhooks/kit-test")
public class WebhookReceiver {

    /** Bodies of accepted deliveries. */
    public static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Inject
    IncomingWebhooks webhooks;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public void receive(@HeaderParam(WebhookSignature.HEADER) String signature, String body) {
        webhooks.verify("kit-test", signature, body);
        RECEIVED.add(body);
    }
}
