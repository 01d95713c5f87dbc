package io.millwright.kit.erp;

import javax.xml.stream.XMLStreamException;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;

/**
 * A SOAP request that is not even well-formed XML (a NUL character, say, which XML 1.0 cannot carry) is the caller's
 * fault: answered with faultcode Client, so the ERP does not retry it as if we had a technical problem (CXF says
 * Server for every parse error). SOAP 1.1 answers every fault with HTTP 500; the fault code is what tells them apart.
 */
public class UnreadableRequestFault extends AbstractSoapInterceptor {

    public UnreadableRequestFault() {
        super(Phase.PREPARE_SEND);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.getContent(Exception.class) instanceof Fault fault && isUnreadableXml(fault)) {
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        }
    }

    private static boolean isUnreadableXml(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof XMLStreamException || t.getClass().getName().startsWith("com.ctc.wstx.exc.")) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof XMLStreamException) {
                    return true;
                }
            }
        }
        return false;
    }
}
