package io.millwright.console.overview;

import java.time.Instant;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** The overview page: the business KPIs with their plots, and what is alerting. */
@TemplateData
public record Overview(List<Kpi> kpis, List<Alert> alerts, List<String> problems, String range) {

    /** One panel of the business overview dashboard: its series now and over the range. */
    @TemplateData
    public record Kpi(String title, String description, String unit, String expr, List<Series> series) {
    }

    /** One series of a KPI (a service or a plant), its latest value and its plot as SVG polyline points. */
    @TemplateData
    public record Series(String label, String value, String points, boolean alarming) {
    }

    @TemplateData

    public record Alert(String name, String severity, String state, String summary, Instant since, String runbook) {
    }
}
