package io.millwright.simulators.erp.service;

import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.millwright.erp.contract.ErpFault;
import io.millwright.erp.contract.ErpFaultDetail;
import io.millwright.simulators.erp.fault.ErpRejectedException;
import io.millwright.simulators.erp.fault.FaultCodes;
import io.millwright.simulators.erp.fault.FaultInjector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What happens around every SOAP operation: injected faults first, then the operation in its own
 * transaction, then the call log entry with the outcome. Rejections become the contract's ErpFault.
 */
@ApplicationScoped
public class ErpOperationRunner {

    private static final Logger LOG = Logger.getLogger(ErpOperationRunner.class);

    @Inject
    FaultInjector faults;

    @Inject
    ErpCallLog callLog;

    public <T> T read(ErpCall call, Supplier<T> operation) throws ErpFault {
        return run(call, operation, result -> false);
    }

    public <T> T run(ErpCall call, Supplier<T> operation, Predicate<T> duplicate) throws ErpFault {
        try {
            faults.beforeOperation(call.operation());
            T result = operation.get();
            record(call, duplicate.test(result) ? CallOutcome.DUPLICATE : CallOutcome.OK);
            return result;
        } catch (ErpRejectedException e) {
            LOG.infof("ERP operation %s key=%s rejected: %s %s", call.operation(), call.businessKey(), e.code(),
                    e.getMessage());
            record(call, CallOutcome.FAULT);
            throw soapFault(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "ERP operation %s failed unexpectedly", call.operation());
            record(call, CallOutcome.FAULT);
            throw soapFault(FaultCodes.INTERNAL_ERROR, "ERP simulator error: " + e.getMessage());
        }
    }

    private void record(ErpCall call, CallOutcome outcome) {
        try {
            callLog.record(call, outcome);
        } catch (RuntimeException e) {
            // The answer to the caller matters more than the log entry.
            LOG.warnf(e, "Could not record ERP call %s (%s)", call.operation(), outcome);
        }
    }

    private static ErpFault soapFault(String code, String message) {
        ErpFaultDetail detail = new ErpFaultDetail();
        detail.setCode(code);
        detail.setMessage(message);
        return new ErpFault(code + ": " + message, detail);
    }
}
