package io.millwright.kit.testing;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ERP simulator ({@code services/simulators}, packaged) as a child JVM on the test JVM's database
 * ({@link PostgresDatabase#shared()}), with its admin API ({@code /sim/erp/...}) as methods. One per test JVM,
 * stopped when the JVM exits.
 */
public final class ErpSimulator {

    private static final String BASE_URL = "millwright.test.erp.base-url";
    private static final String PROCESS = "millwright.test.erp.process";
    private static final String MODULE = "services/simulators";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final String baseUrl;

    private ErpSimulator(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The admin API of a simulators app started elsewhere (a benchmark, the local run) at {@code baseUrl}. */
    public static ErpSimulator at(String baseUrl) {
        return new ErpSimulator(baseUrl);
    }

    /** The simulator of this test JVM, started on first use (and again, on the same port, should it have died). */
    public static synchronized ErpSimulator shared() {
        return sharedWith(null);
    }

    /**
     * {@link #shared()}, started (if it is not running yet) with these token clients for its MES, WMS and QMS instead of
     * the test identity provider's: a test of the platform with the real identity provider
     * ({@link KeycloakServer#simulatorTokenClients()}).
     */
    public static synchronized ErpSimulator sharedWith(Map<String, String> tokenClients) {
        // before the JVM lock: PostgresDatabase.shared() takes its own class monitor first, then that lock
        PostgresDatabase database = PostgresDatabase.shared();
        synchronized (TestInfrastructure.JVM_LOCK) {
            String baseUrl = System.getProperty(BASE_URL);
            if (baseUrl != null && ShutdownCleanup.resolve(System.getProperty(PROCESS)).isPresent()) {
                return new ErpSimulator(baseUrl);
            }
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
            properties.put("quarkus.datasource.username", database.username());
            properties.put("quarkus.datasource.password", database.password());
            properties.put("millwright.sim.crm.webhook-secret", CrmSimulator.webhookSecret());
            properties.put("millwright.sim.qms.webhook-secret", QmsSimulator.webhookSecret());
            properties.put("millwright.sim.eam.webhook-secret", EamSimulator.webhookSecret());
            properties.putAll(credentialsOfTheErp());
            String realm = System.getProperty(IdentityProvider.REALM_URL_PROPERTY);
            if (tokenClients != null) {
                properties.putAll(tokenClients);
            } else if (realm != null) {
                // the simulated MES and WMS call the services with client-credentials tokens of the test provider
                properties.putAll(tokenClients(realm));
            }
            if (baseUrl != null) {
                // it died: come back where the services under test already point
                properties.put("quarkus.http.port", baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
            }
            ServiceProcess process = ServiceProcess.start("erp-simulator", ServiceProcess.quarkusApp(MODULE), properties, READY_TIMEOUT);
            System.setProperty(PROCESS, process.processReference());
            System.setProperty(BASE_URL, process.baseUrl());
            return new ErpSimulator(process.baseUrl());
        }
    }

    /**
     * The simulated ERP's side of its HTTP Basic credentials (made at test time, once per JVM): the SOAP user it wants
     * from callers and the user it calls back with. For a simulators app a test or benchmark starts.
     */
    public static Map<String, String> credentialsOfTheErp() {
        return Map.of("millwright.sim.erp.username", "millwright", "millwright.sim.erp.password", TestSecrets.of("erp-password"),
                "millwright.sim.erp.callback-username", "erp", "millwright.sim.erp.callback-password", TestSecrets.of("erp-callback-password"));
    }

    /** The services' side: the ERP user they call with and the callback credentials they accept. */
    public static Map<String, String> credentialsForTheErp() {
        return Map.of("millwright.kit.targets.erp.username", "millwright", "millwright.kit.targets.erp.password", TestSecrets.of("erp-password"),
                "millwright.kit.erp-callback.username", "erp", "millwright.kit.erp-callback.password", TestSecrets.of("erp-callback-password"));
    }

    /**
     * Properties of a simulators app whose MES and WMS get client-credentials tokens from the test identity provider
     * at {@code realmUrl} ({@link IdentityProvider#realmUrl()}).
     */
    public static Map<String, String> tokenClients(String realmUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String system : new String[] { "mes", "wms", "qms" }) {
            properties.put("quarkus.oidc-client." + system + ".client-enabled", "true");
            properties.put("quarkus.oidc-client." + system + ".auth-server-url", realmUrl);
            properties.put("quarkus.oidc-client." + system + ".client-id", IdentityProvider.CLIENT_ID);
            properties.put("quarkus.oidc-client." + system + ".credentials.secret", IdentityProvider.CLIENT_SECRET);
        }
        return properties;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return baseUrl;
    }

    /** The SOAP endpoint services call: {@code baseUrl + "/soap/erp"}. */
    public String soapUrl() {
        return baseUrl + "/soap/erp";
    }

    /**
     * Injects a fault: {@code mode} is UNAVAILABLE, SOAP_FAULT or LATENCY; {@code duration} (null: until cleared),
     * {@code latencyMs} (LATENCY) and {@code operation} (null: every operation) are optional.
     */
    public void injectFault(String mode, Duration duration, Long latencyMs, String operation) {
        injectFault(mode, duration, latencyMs, operation, null);
    }

    /** As above; {@code faultCode} (SOAP_FAULT only) makes ERP answer with that code, e.g. BUS-CREDIT-BLOCKED. */
    public void injectFault(String mode, Duration duration, Long latencyMs, String operation, String faultCode) {
        Map<String, Object> fault = new LinkedHashMap<>();
        if (faultCode != null) {
            fault.put("faultCode", faultCode);
        }
        fault.put("mode", mode);
        if (duration != null) {
            // whole seconds, rounded up so a short fault is not sent as "0"
            fault.put("durationSeconds", (duration.toMillis() + 999) / 1000);
        }
        if (latencyMs != null) {
            fault.put("latencyMs", latencyMs);
        }
        if (operation != null) {
            fault.put("operation", operation);
        }
        try {
            send("POST", "/sim/erp/faults", JSON.writeValueAsString(fault));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write fault " + fault, e);
        }
    }

    public void clearFaults() {
        send("DELETE", "/sim/erp/faults", null);
    }

    /** Sales orders the ERP holds, all or those with the given external (CRM) reference. */
    public List<Map<String, Object>> salesOrders(String externalReference) {
        return list("/sim/erp/sales-orders" + query("externalReference", externalReference));
    }

    /** SOAP calls the ERP received, all or those of one operation. */
    public List<Map<String, Object>> calls(String operation) {
        return list("/sim/erp/calls" + query("operation", operation));
    }

    /** Postings of one type (confirmations, goods movements, downtime, ...). */
    public List<Map<String, Object>> postings(String type) {
        return list("/sim/erp/postings" + query("type", type));
    }

    /**
     * Where the ERP sends ReleaseProductionOrder (erp-callback.wsdl), e.g. production-service's SOAP endpoint; null:
     * nowhere (releases are then recorded as FAILED calls).
     */
    public void setReleaseCallbackUrl(String soapUrl) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("releaseCallbackUrl", soapUrl);
        admin().send("POST", "/sim/erp/settings", change);
    }

    /** When on, CreateSalesOrder of a manufactured item (FG-100, FG-200) creates and releases a production order for it. */
    public void setAutoRelease(boolean autoRelease) {
        admin().send("POST", "/sim/erp/settings", Map.of("autoRelease", autoRelease));
    }

    /** The ERP's settings: releaseCallbackUrl, autoRelease, autoReleaseDelayMs. */
    public Map<String, Object> settings() {
        return admin().object("GET", "/sim/erp/settings", null);
    }

    /**
     * Creates a production order (plant 1000) from the item's routing and BOM, linked to {@code salesOrderNumber}
     * (may be null); with {@code release} it is released and ReleaseProductionOrder is sent before this returns. The
     * answer is the order ({@code productionOrderNumber}, {@code lot}, {@code operations}, {@code components}, ...)
     * and, when released, {@code release: {outcome, detail}} (outcome OK, DUPLICATE, REJECTED or FAILED).
     */
    public Map<String, Object> createProductionOrder(String itemId, BigDecimal quantity, String salesOrderNumber,
            boolean release) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("itemId", itemId);
        request.put("quantity", quantity);
        request.put("salesOrderNumber", salesOrderNumber);
        request.put("release", release);
        return admin().object("POST", "/sim/erp/production-orders", request);
    }

    /** Releases the order if it is not yet and sends ReleaseProductionOrder (again); the call's {@code outcome}, {@code detail}. */
    public Map<String, Object> releaseProductionOrder(String productionOrderNumber) {
        return admin().object("POST", "/sim/erp/production-orders/" + SimulatorHttp.path(productionOrderNumber) + "/release",
                null);
    }

    /** Every production order the ERP holds (seeded and created), with operations and components. */
    public List<Map<String, Object>> productionOrders() {
        return list("/sim/erp/production-orders");
    }

    /**
     * Overwrites one stock position (created if missing): {@code status} UNRESTRICTED, QUALITY_HOLD or BLOCKED
     * (null: UNRESTRICTED), {@code lot} may be null. Used to put a known variance into the ERP.
     */
    public Map<String, Object> setStock(String itemId, String plant, String location, String lot, String status,
            BigDecimal quantity) {
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("itemId", itemId);
        position.put("plant", plant);
        position.put("location", location);
        position.put("lot", lot);
        position.put("status", status);
        position.put("quantity", quantity);
        return admin().object("PUT", "/sim/erp/stock", position);
    }

    /** All stock balances: {@code itemId, plant, location, lot, status, quantity, unitOfMeasure}. */
    public List<Map<String, Object>> stock() {
        return list("/sim/erp/stock");
    }

    /** Stock balances of one item. */
    public List<Map<String, Object>> stock(String itemId) {
        return list("/sim/erp/stock" + query("itemId", itemId));
    }

    /** {@code POST /sim/erp/reset}: forgets what earlier tests did to the simulator. */
    public void reset() {
        send("POST", "/sim/erp/reset", null);
    }

    @Override
    public String toString() {
        return "ErpSimulator[" + baseUrl + "]";
    }

    private SimulatorHttp admin() {
        return new SimulatorHttp("ERP simulator", baseUrl);
    }

    private List<Map<String, Object>> list(String path) {
        String body = send("GET", path, null);
        try {
            return JSON.readValue(body, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ERP simulator GET " + path + " did not answer a JSON array of objects: " + body, e);
        }
    }

    private String send(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (jsonBody != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = TestInfrastructure.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("ERP simulator " + method + " " + path + (jsonBody == null ? "" : " " + jsonBody)
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("ERP simulator at " + baseUrl + " not reachable for " + method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }

    private static String query(String name, String value) {
        return value == null ? "" : "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
