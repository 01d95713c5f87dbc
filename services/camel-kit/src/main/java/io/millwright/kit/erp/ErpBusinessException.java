package io.millwright.kit.erp;

import io.millwright.kit.route.NonRetryableException;

/** ERP rejected the request for a business reason (fault code BUS-*): retrying will not help. */
public class ErpBusinessException extends NonRetryableException {

    private final String code;

    public ErpBusinessException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
