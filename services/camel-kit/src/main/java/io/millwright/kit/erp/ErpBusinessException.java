package io.millwright.kit.erp;

import io.millwright.kit.error.TargetRejectedException;

/** ERP rejected the request for a business reason (fault code BUS-*): retrying will not help. */
public class ErpBusinessException extends TargetRejectedException {

    private final String code;

    public ErpBusinessException(String code, String message) {
        super(ErpGateway.TARGET, code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
