package io.millwright.edge.status;

import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


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

    private final GatewayStatusSource source;

    StatusPage(GatewayStatusSource source) {
        this.source = source;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        GatewayStatus status = source.snapshot();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Millwright edge gateway – ").append(escape(status.plant())).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #999;padding:.3em .6em;text-align:left;vertical-align:top}")
                .append(".UP{color:#060}.DOWN{color:#b00;font-weight:bold}.STARTING{color:#a60}</style>\n")
                .append("</head>\n<body>\n")
                .append("<h1>Edge gateway – plant <span id=\"plant\">").append(escape(status.plant())).append("</span></h1>\n")
                .append("<p>As of ").append(status.at()).append(" (UTC). Reload the page to refresh.</p>\n");

        html.append("<h2>PLC connections</h2>\n<table>\n<tr><th>connection</th><th>URL</th><th>state</th>")
                .append("<th>last good read</th><th>last error</th><th>acquired</th><th>forwarded</th></tr>\n");
        for (GatewayStatus.Connection c : status.connections()) {
            String error = c.lastError() == null ? "–"
                    : c.lastError() + " (" + c.consecutiveFailures() + " failure(s)"
                            + (c.nextAttempt() == null ? "" : ", next attempt " + c.nextAttempt().truncatedTo(ChronoUnit.SECONDS)) + ")";
            html.append("<tr id=\"connection-").append(escape(c.id())).append("\"><td>").append(escape(c.id()))
                    .append("</td><td><code>").append(escape(c.url())).append("</code>")
                    .append(c.security() == null ? "" : "<br>security: " + escape(c.security()))
                    .append("</td>")
                    .append("<td class=\"").append(c.state()).append("\">").append(c.state()).append("</td><td>")
                    .append(c.lastSuccess() == null ? "never" : c.lastSuccess().truncatedTo(ChronoUnit.MILLIS))
                    .append("</td><td>").append(escape(error)).append("</td><td>").append(c.acquired())
                    .append("</td><td>").append(c.forwarded()).append("</td></tr>\n");
        }
        html.append("</table>\n");

        GatewayStatus.Journal j = status.journal();
        html.append("<h2>Journal and forwarding</h2>\n<table>\n")
                .append(row("journal", j.active() ? "active" : "NOT RUNNING"))
                .append(row("backlog (entries waiting for Kafka)", j.backlog() == null ? "unknown" : Long.toString(j.backlog())))
                .append(row("oldest waiting entry", String.format(java.util.Locale.ROOT, "%.1f s", j.oldestEntryAgeSeconds())))
                .append(row("acquired since start", Long.toString(j.acquiredTotal())))
                .append(row("forwarded since start", Long.toString(j.forwardedTotal())))
                .append(row("machine events waiting", Long.toString(j.eventsWaiting())))
                .append(row("store", j.storedBytes() + " of " + j.budgetBytes() + " bytes"
                        + (j.full() ? " – FULL of events: acquisition paused" : "")))
                .append(row("dropped by the disk budget since start", Long.toString(j.droppedTotal())))
                .append(row("cloud link", cloudLink(status.cloudLink())))
                .append(row("dead letters (could not be forwarded)", Long.toString(status.deadLetters())))
                .append("</table>\n");

        html.append("<p><a href=\"/q/health\">/q/health</a> · <a href=\"/q/health/group/plc\">/q/health/group/plc</a> · ")
                .append("<a href=\"/q/metrics\">/q/metrics</a> · <a href=\"/api/v1/dead-letters\">/api/v1/dead-letters</a> · ")
                .append("as JSON: <a href=\"/api/v1/status\">/api/v1/status</a></p>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static String cloudLink(GatewayStatus.CloudLink link) {
        return (link.up() ? "UP" : "DOWN")
                + (link.lastAcknowledged() == null ? ", never acknowledged" : ", last acknowledged " + link.lastAcknowledged().truncatedTo(ChronoUnit.SECONDS))
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
