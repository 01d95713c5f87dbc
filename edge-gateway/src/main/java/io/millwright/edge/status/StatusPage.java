package io.millwright.edge.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.millwright.edge.acquisition.ConnectionSupervisor;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionHealth;
import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.PlantConfig;
import io.millwright.edge.forward.CloudLinkState;
import io.millwright.edge.forward.KafkaForwarder;
import io.millwright.edge.store.DeadLetterQueue;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.StoreBudget;

/**
 * A small local status page for the plant technician: plain HTML, no script, no external resources. Shows the
 * same numbers as {@code /q/health} and {@code /q/metrics}.
 */
@Path("/status")
public class StatusPage {

    /** user:password@ in the authority. */
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/@?#]*@");
    /** Query options that carry credentials (OPC UA username/password, key-store-password, ...). */
    private static final Pattern SECRET_OPTION = Pattern.compile("(?i)([?&][^=&]*(?:user|pass|secret|token|credential)[^=&]*=)[^&]*");

    private final PlantConfig plant;
    private final ConnectionSupervisor supervisor;
    private final EmbeddedJournal journal;
    private final EdgeMetrics metrics;
    private final StoreBudget budget;
    private final KafkaForwarder forwarder;
    private final DeadLetterQueue deadLetters;

    StatusPage(PlantConfig plant, ConnectionSupervisor supervisor, EmbeddedJournal journal, EdgeMetrics metrics,
            StoreBudget budget, KafkaForwarder forwarder, DeadLetterQueue deadLetters) {
        this.plant = plant;
        this.supervisor = supervisor;
        this.journal = journal;
        this.metrics = metrics;
        this.budget = budget;
        this.forwarder = forwarder;
        this.deadLetters = deadLetters;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, ConnectionHealth> health = supervisor.health();
        long backlog = journal.backlog();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Millwright edge gateway – ").append(escape(plant.plantId())).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #999;padding:.3em .6em;text-align:left;vertical-align:top}")
                .append(".UP{color:#060}.DOWN{color:#b00;font-weight:bold}.STARTING{color:#a60}</style>\n")
                .append("</head>\n<body>\n")
                .append("<h1>Edge gateway – plant <span id=\"plant\">").append(escape(plant.plantId())).append("</span></h1>\n")
                .append("<p>As of ").append(now).append(" (UTC). Reload the page to refresh.</p>\n");

        html.append("<h2>PLC connections</h2>\n<table>\n<tr><th>connection</th><th>URL</th><th>state</th>")
                .append("<th>last good read</th><th>last error</th><th>acquired</th><th>forwarded</th></tr>\n");
        for (ConnectionConfig connection : plant.connections()) {
            ConnectionHealth h = health.get(connection.id());
            String state = h == null ? "UNKNOWN" : h.status().name();
            String error = h == null || h.lastError() == null ? "–"
                    : h.lastError() + " (" + h.consecutiveFailures() + " failure(s)"
                            + (h.nextAttempt() == null ? "" : ", next attempt " + h.nextAttempt().truncatedTo(ChronoUnit.SECONDS)) + ")";
            html.append("<tr id=\"connection-").append(escape(connection.id())).append("\"><td>").append(escape(connection.id()))
                    .append("</td><td><code>").append(escape(withoutCredentials(connection.url()))).append("</code>")
                    .append(connection.security() == null ? "" : "<br>security: " + escape(connection.security().summary()))
                    .append("</td>")
                    .append("<td class=\"").append(state).append("\">").append(state).append("</td><td>")
                    .append(h == null || h.lastSuccess() == null ? "never" : h.lastSuccess().truncatedTo(ChronoUnit.MILLIS))
                    .append("</td><td>").append(escape(error)).append("</td><td>").append(metrics.acquiredBy(connection.id()))
                    .append("</td><td>").append(metrics.forwardedBy(connection.id())).append("</td></tr>\n");
        }
        html.append("</table>\n");

        html.append("<h2>Journal and forwarding</h2>\n<table>\n")
                .append(row("journal", journal.isActive() ? "active" : "NOT RUNNING"))
                .append(row("backlog (entries waiting for Kafka)", backlog < 0 ? "unknown" : Long.toString(backlog)))
                .append(row("oldest waiting entry", String.format(java.util.Locale.ROOT, "%.1f s", metrics.oldestEntryAgeSeconds())))
                .append(row("acquired since start", Long.toString(metrics.acquiredTotal())))
                .append(row("forwarded since start", Long.toString(metrics.forwardedTotal())))
                .append(row("machine events waiting", Long.toString(journal.waitingEntries(EmbeddedJournal.EVENTS))))
                .append(row("store", journal.storedBytes() + " of " + budget.maxBytes() + " bytes"
                        + (budget.isFull() ? " – FULL of events: acquisition paused" : "")))
                .append(row("dropped by the disk budget since start", Long.toString(metrics.droppedTotal())))
                .append(row("cloud link", cloudLink(forwarder.link())))
                .append(row("dead letters (could not be forwarded)", Long.toString(deadLetters.count())))
                .append("</table>\n");

        html.append("<p><a href=\"/q/health\">/q/health</a> · <a href=\"/q/health/group/plc\">/q/health/group/plc</a> · ")
                .append("<a href=\"/q/metrics\">/q/metrics</a> · <a href=\"/api/v1/dead-letters\">/api/v1/dead-letters</a></p>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static String cloudLink(CloudLinkState link) {
        return (link.up() ? "UP" : "DOWN")
                + (link.lastSuccess() == null ? ", never acknowledged" : ", last acknowledged " + link.lastSuccess().truncatedTo(ChronoUnit.SECONDS))
                + (link.lastError() == null ? "" : ", last error: " + link.lastError());
    }

    /** The connection string as shown: no user info, credential-like options masked. */
    static String withoutCredentials(String url) {
        String shown = USER_INFO.matcher(url).replaceAll("$1***@");
        return SECRET_OPTION.matcher(shown).replaceAll("$1***");
    }

    private static String row(String name, String value) {
        return "<tr><th>" + escape(name) + "</th><td>" + escape(value) + "</td></tr>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
