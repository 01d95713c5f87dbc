package io.millwright.bench;

import java.util.List;
import java.util.Map;

/** The figures of one ERP latency, and the targets of the delivery engine checked against them. */
final class Report {

    final long erpLatencyMs;
    final int erpConcurrency;
    double rawSalesOrders;
    double rawConfirmations;
    double ordersOffered;
    double ordersAccepted;
    String ordersRefused;
    long ordersSkipped;
    double restP50;
    double restP99;
    double salesOrdersPostedDuringIntake;
    double lagP50;
    double lagP99;
    double salesOrdersPosted;
    double confirmationsOffered;
    double confirmationsAccepted;
    String confirmationsRefused;
    double confirmationRestP50;
    double confirmationRestP99;
    double confirmationsPosted;
    double confirmationLagP50;
    double confirmationLagP99;
    Figures.ErpPostings confirmationsExactlyOnce;
    double movementsPosted;
    Figures.ErpPostings movementsExactlyOnce;
    /** Set when not every goods receipt was waited for (the version before the work queues): "posted of expected". */
    String movementsWaitedFor;
    Map<String, Double> cpuOrders;
    Map<String, Double> cpuDrain;
    Map<String, Double> cpuIntakeAlone;
    double intakeAloneOffered;
    double intakeAloneAccepted;
    double intakeAloneP50;
    double intakeAloneP99;
    Map<String, Double> cpuConfirmations;
    Map<String, String> profileOrders;
    Map<String, String> profileConfirmations;

    Report(long erpLatencyMs, int erpConcurrency) {
        this.erpLatencyMs = erpLatencyMs;
        this.erpConcurrency = erpConcurrency;
    }

    boolean exactlyOnce() {
        return confirmationsExactlyOnce.exactlyOnce() && movementsExactlyOnce.exactlyOnce();
    }

    void print() {
        Progress.say("=== figures at ERP latency " + erpLatencyMs + " ms (ERP concurrency " + erpConcurrency + ") ===");
        Progress.say(String.format("order intake      %6.0f/s offered, %6.0f/s accepted, REST p50 %5.0f ms, p99 %5.0f ms; refused %s; not sent %d",
                ordersOffered, ordersAccepted, restP50, restP99, ordersRefused, ordersSkipped));
        Progress.say(String.format("intake alone      %6.0f/s offered, %6.0f/s accepted, REST p50 %5.0f ms, p99 %5.0f ms (ERP refusing "
                + "CreateSalesOrder: no posting competes)", intakeAloneOffered, intakeAloneAccepted, intakeAloneP50, intakeAloneP99));
        Progress.say(String.format("ERP sales orders  %6.0f/s posted while orders came in; accepted -> confirmed lag p50 %.0f ms, p99 %.0f ms",
                salesOrdersPostedDuringIntake, lagP50, lagP99));
        Progress.say(String.format("ERP posting       %6.0f/s from a backlog; raw CreateSalesOrder %6.0f/s; ratio %.2f", salesOrdersPosted,
                rawSalesOrders, salesOrdersPosted / rawSalesOrders));
        Progress.say(String.format("confirmations     %6.0f/s offered, %6.0f/s accepted, REST p50 %5.0f ms, p99 %5.0f ms; refused %s",
                confirmationsOffered, confirmationsAccepted, confirmationRestP50, confirmationRestP99, confirmationsRefused));
        Progress.say(String.format("  to ERP          %6.0f/s posted; raw PostProductionConfirmation %6.0f/s; ratio %.2f; received -> posted p50 %.0f ms, p99 %.0f ms",
                confirmationsPosted, rawConfirmations, confirmationsPosted / rawConfirmations, confirmationLagP50, confirmationLagP99));
        Progress.say("  ERP ledger      " + confirmationsExactlyOnce);
        Progress.say(String.format("goods receipts    %6.0f/s posted to ERP%s", movementsPosted,
                movementsWaitedFor == null ? "" : " (not all waited for: " + movementsWaitedFor + " posted)"));
        Progress.say("  ERP ledger      " + movementsExactlyOnce);
        Progress.say("CPU cores used    orders " + cores(cpuOrders) + "; intake alone " + cores(cpuIntakeAlone) + "; backlog drain "
                + cores(cpuDrain) + "; confirmations " + cores(cpuConfirmations));
        profile("orders", profileOrders);
        profile("confirmations", profileConfirmations);
    }

    private static void profile(String phase, Map<String, String> summaries) {
        if (summaries != null) {
            summaries.forEach((service, summary) -> Progress.say("profile, " + phase + ", " + service + ": " + summary));
        }
    }

    static void printTargets(List<Report> reports, double offeredOrders) {
        Progress.say("=== targets ===");
        for (Report r : reports) {
            String at = " (ERP " + r.erpLatencyMs + " ms)";
            target("order intake >= 300/s offered, p99 <= 100 ms" + at, offeredOrders >= 300 && r.ordersAccepted >= 0.99 * r.ordersOffered
                    && r.restP99 <= 100, String.format("%.0f/s accepted of %.0f/s, p99 %.0f ms", r.ordersAccepted, r.ordersOffered, r.restP99));
            target("ERP posting >= 0.8x raw at the same concurrency" + at, r.salesOrdersPosted >= 0.8 * r.rawSalesOrders,
                    String.format("%.0f/s vs %.0f/s = %.2f", r.salesOrdersPosted, r.rawSalesOrders, r.salesOrdersPosted / r.rawSalesOrders));
            if (r.erpLatencyMs == 0) {
                target("confirmations posted exactly once >= 500/s" + at, r.confirmationsPosted >= 500 && r.exactlyOnce(),
                        String.format("%.0f/s, %s", r.confirmationsPosted, r.confirmationsExactlyOnce.exactlyOnce() ? "exactly once" : "NOT exactly once"));
            }
        }
    }

    private static void target(String what, boolean met, String figures) {
        Progress.say((met ? "met      " : "NOT MET  ") + what + ": " + figures);
    }

    private static String cores(Map<String, Double> cpu) {
        if (cpu == null) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        cpu.forEach((name, cores) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(String.format(" %.2f", cores)));
        return text.toString();
    }
}
