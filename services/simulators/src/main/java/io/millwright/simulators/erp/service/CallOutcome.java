package io.millwright.simulators.erp.service;

public enum CallOutcome {
    OK,
    /** An idempotent write whose business key was already posted. */
    DUPLICATE,
    /** Answered with an ErpFault (business or technical, injected or not). */
    FAULT,
    /** Refused with HTTP 503 by fault injection before reaching CXF. */
    UNAVAILABLE,
    /** Outbound call answered with accepted=false: the receiver refused the document. */
    REJECTED,
    /** Outbound call that got no usable answer (receiver down, SOAP fault, timeout, no address configured). */
    FAILED
}
