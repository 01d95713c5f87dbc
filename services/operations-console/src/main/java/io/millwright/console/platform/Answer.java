package io.millwright.console.platform;

import io.quarkus.qute.TemplateData;


/**
 * What one call of the console to a service, an edge gateway or Prometheus came back with: the HTTP status and body,
 * or why there is none ({@code status} 0: refused, timed out). Pages show a failed call as such, never as "nothing".
 */
@TemplateData
public record Answer(String source, int status, String body, String failure) {

    public static Answer failed(String source, String failure) {
        return new Answer(source, 0, null, failure);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** A line for the page: who did not answer, and why. */
    public String problem() {
        if (ok()) {
            return null;
        }
        if (status == 0) {
            return source + " did not answer: " + failure;
        }
        if (status == 401 || status == 403) {
            return source + " refused the request (HTTP " + status + ")";
        }
        return source + " answered HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
