package io.millwright.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The overview's panels come from the business overview dashboard; values and plots are drawn from Prometheus's numbers. */
class OverviewSourceTest {

    @Test
    void thePanelsAreTheBusinessOverviewDashboardsWithTheirQueries() {
        List<OverviewSource.Panel> panels = OverviewSource.panels();
        assertThat(panels).extracting(OverviewSource.Panel::title).contains("Orders waiting for ERP confirmation", "Lots on hold",
                "Dead letters per service", "Edge backlog per plant", "Plant link up");
        assertThat(panels).allSatisfy(p -> assertThat(p.expr()).contains("millwright_").doesNotContain("$"));
    }

    @Test
    void aSeriesIsScaledIntoThePlotTimeAcrossValueUp() {
        String points = OverviewSource.points(List.of(new double[] { 100, 0 }, new double[] { 150, 5 }, new double[] { 200, 10 }), 100, 200);
        assertThat(points.split(" ")).containsExactly("0.0,34.0", "80.0,18.0", "160.0,2.0");
        assertThat(OverviewSource.points(List.of(), 0, 1)).isEmpty();
        assertThat(OverviewSource.points(List.of(new double[] { 5, Double.NaN }, new double[] { 6, 1 }), 0, 10).split(" ")).hasSize(1);
    }

    @Test
    void valuesAreShownInThePanelsUnit() {
        assertThat(OverviewSource.format(0.9876, "percentunit")).isEqualTo("98.8 %");
        assertThat(OverviewSource.format(45, "s")).isEqualTo("45 s");
        assertThat(OverviewSource.format(600, "s")).isEqualTo("10 min");
        assertThat(OverviewSource.format(3, "short")).isEqualTo("3");
        assertThat(OverviewSource.format(Double.NaN, "short")).isEqualTo("no data");
    }
}
