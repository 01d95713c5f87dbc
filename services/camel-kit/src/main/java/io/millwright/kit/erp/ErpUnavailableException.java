package io.millwright.kit.erp;

import io.millwright.kit.error.TargetUnavailableException;

/** ERP could not be reached or answered with a technical fault (TEC-*, HTTP error, timeout): try again later. */
public class ErpUnavailableException extends TargetUnavailableException {

    public ErpUnavailableException(String message, Throwable cause) {
        super(ErpGateway.TARGET, message, cause);
    }
}
