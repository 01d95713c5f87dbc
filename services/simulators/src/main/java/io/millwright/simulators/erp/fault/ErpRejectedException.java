package io.millwright.simulators.erp.fault;

/** The simulated ERP refuses a request; the SOAP layer turns it into an ErpFault with the same code. */
public class ErpRejectedException extends RuntimeException {

    private final String code;

    public ErpRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
