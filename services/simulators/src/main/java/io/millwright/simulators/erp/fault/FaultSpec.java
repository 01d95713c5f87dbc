package io.millwright.simulators.erp.fault;

/**
 * A fault to inject, as posted to {@code POST /sim/erp/faults}.
 *
 * @param durationSeconds how long the fault lasts; null = until cleared
 * @param latencyMs       delay for {@link FaultMode#LATENCY}
 * @param operation       WSDL operation name the fault applies to; null = all operations
 * @param faultCode       ErpFault code answered by {@link FaultMode#SOAP_FAULT}; null = TEC-BACKEND-UNAVAILABLE.
 *                        A BUS-* code plays a business rejection (e.g. BUS-CREDIT-BLOCKED).
 */
public record FaultSpec(FaultMode mode, Integer durationSeconds, Long latencyMs, String operation, String faultCode) {
}
