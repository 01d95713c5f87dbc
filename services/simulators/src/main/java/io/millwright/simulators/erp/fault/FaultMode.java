package io.millwright.simulators.erp.fault;

public enum FaultMode {
    /** HTTP 503 for every request to the SOAP endpoint, before CXF sees it. */
    UNAVAILABLE,
    /** Operations answer with ErpFault TEC-BACKEND-UNAVAILABLE. */
    SOAP_FAULT,
    /** Operations wait latencyMs, then work normally. */
    LATENCY
}
