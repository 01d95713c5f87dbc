package io.millwright.order.service;

import io.millwright.model.journey.JourneyStep.Outcome;

/** Which system each of an order's timeline steps happened with, and how it ended. */
final class OrderSteps {

    private OrderSteps() {
    }

    static String system(String step) {
        return switch (step) {
            case "ACCEPTED" -> "CRM";
            case "CONFIRMED_BY_ERP", "REJECTED_BY_ERP", "ERP_POSTING_FAILED" -> "ERP";
            case "DELIVERY_BLOCKED", "DELIVERY_RELEASED", "SHIPPED", "READY_TO_SHIP" -> "WMS";
            case "PRODUCTION_RELEASED", "PRODUCTION_STARTED", "PRODUCTION_COMPLETED" -> "MES";
            case "QUALITY_RELEASED" -> "QMS";
            case "CRM_NOTIFIED", "CONFIRMED" -> "CRM";
            default -> "Millwright";
        };
    }

    static Outcome outcome(String step) {
        return switch (step) {
            case "REJECTED_BY_ERP", "ERP_POSTING_FAILED", "DELIVERY_BLOCKED" -> Outcome.FAILED;
            case "AT_RISK", "AVAILABILITY_UNKNOWN" -> Outcome.WAITING;
            case "AVAILABILITY_CHECKED", "RISK_CLEARED" -> Outcome.INFO;
            default -> Outcome.DONE;
        };
    }
}
