package io.millwright.kit.error;

/**
 * An external system (ERP, MES, WMS, CRM, ...) refused a request for a reason that sending it again unchanged cannot
 * fix: a business fault, a 4xx other than 408/429. Not retried; the flow records the rejection.
 */
public class TargetRejectedException extends NonRetryableException {

    private final String target;

    public TargetRejectedException(String target, String message) {
        super(message);
        this.target = target;
    }

    /** The target system's name as configured under {@code millwright.kit.targets}. */
    public String target() {
        return target;
    }
}
