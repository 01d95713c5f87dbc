package io.millwright.simulators.erp.service;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import io.millwright.erp.contract.ErpPortType;
import jakarta.jws.WebMethod;

/** The operation names of erp.wsdl, read from the generated port type so they cannot drift. */
public final class ErpOperations {

    public static final String SOAP_ACTION_PREFIX = "urn:millwright:erp:v1:";

    public static final Set<String> ALL = Arrays.stream(ErpPortType.class.getMethods())
            .map(method -> method.getAnnotation(WebMethod.class))
            .filter(annotation -> annotation != null)
            .map(WebMethod::operationName)
            .collect(TreeSet::new, Set::add, Set::addAll);

    private ErpOperations() {
    }

    /** The operation named by a SOAP 1.1 SOAPAction header value (quotes allowed), or null. */
    public static String fromSoapAction(String soapAction) {
        if (soapAction == null) {
            return null;
        }
        String action = soapAction.replace("\"", "").trim();
        if (!action.startsWith(SOAP_ACTION_PREFIX)) {
            return null;
        }
        String operation = action.substring(SOAP_ACTION_PREFIX.length());
        return ALL.contains(operation) ? operation : null;
    }
}
