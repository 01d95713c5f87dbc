package io.millwright.console.journey;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.console.platform.Answer;
import io.millwright.console.platform.PlatformClient;
import io.millwright.model.common.ModelJson;
import io.quarkus.qute.TemplateData;

/** A lot's genealogy both ways, from quality-service ({@code /api/v1/lots/{lot}/genealogy?direction=}). */
@ApplicationScoped
public class LotGenealogy {

    static final String SERVICE = "quality-service";

    /** One lot of a genealogy tree, flattened with its depth (0 = the lot asked for). */
    @TemplateData
    public record Row(int depth, String lot, String itemId, String via, String quantity, List<String> madeBy, List<String> salesOrders,
            List<String> holds) {
    }

    /** Both directions: what the lot was made from, and what it went into. */
    @TemplateData
    public record View(String lot, List<Row> madeFrom, List<Row> usedIn, List<String> problems, boolean known) {
    }

    private final PlatformClient platform;

    public LotGenealogy(PlatformClient platform) {
        this.platform = platform;
    }

    public View of(String lot, String token) {
        String path = "/api/v1/lots/" + URLEncoder.encode(lot, StandardCharsets.UTF_8).replace("+", "%20") + "/genealogy?direction=";
        CompletableFuture<Answer> components = platform.get(SERVICE, path + "components", token);
        CompletableFuture<Answer> products = platform.get(SERVICE, path + "products", token);
        List<String> problems = new ArrayList<>();
        List<Row> madeFrom = rows(components.join(), "madeFrom", problems);
        List<Row> usedIn = rows(products.join(), "usedIn", problems);
        boolean known = components.join().ok() || products.join().ok();
        return new View(lot, madeFrom, usedIn, problems, known);
    }

    private static List<Row> rows(Answer answer, String children, List<String> problems) {
        List<Row> rows = new ArrayList<>();
        if (answer.status() == 404) {
            return rows;
        }
        if (!answer.ok()) {
            problems.add(answer.problem());
            return rows;
        }
        try {
            walk(ModelJson.mapper().readTree(answer.body()).path("lot"), children, 0, rows);
        } catch (java.io.IOException e) {
            problems.add("quality-service answered a genealogy that is not JSON");
        }
        return rows;
    }

    private static void walk(JsonNode node, String children, int depth, List<Row> rows) {
        if (node.isMissingNode() || node.isNull() || depth > 20) {
            return;
        }
        List<String> madeBy = new ArrayList<>();
        List<String> salesOrders = new ArrayList<>();
        for (JsonNode p : node.path("madeBy")) {
            madeBy.add(p.path("productionOrderId").asText());
            if (p.hasNonNull("salesOrderId")) {
                salesOrders.add(p.get("salesOrderId").asText());
            }
        }
        List<String> holds = new ArrayList<>();
        for (JsonNode h : node.path("holds")) {
            holds.add(h.path("holdId").asText() + " " + h.path("status").asText() + " (" + h.path("cause").asText() + ")");
        }
        String quantity = node.hasNonNull("quantity") ? node.get("quantity").decimalValue().stripTrailingZeros().toPlainString() + " "
                + node.path("unit").asText("") : null;
        rows.add(new Row(depth, node.path("lot").asText(), node.path("itemId").asText(null), node.path("via").asText(null), quantity, madeBy,
                salesOrders, holds));
        for (JsonNode child : node.path(children)) {
            walk(child, children, depth + 1, rows);
        }
    }
}
