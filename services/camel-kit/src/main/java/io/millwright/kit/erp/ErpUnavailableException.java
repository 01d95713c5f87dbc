package io.millwright.kit.erp;

/** ERP could not be reached or answered with a technical fault (TEC-*, HTTP error, timeout): try again later. */
public class ErpUnavailableException extends RuntimeException {

    public ErpUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
