package io.millwright.kit.erp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.jboss.logging.Logger;

import io.millwright.kit.config.KitConfig;

/**
 * The ERP's calls to a service's SOAP endpoint must carry the configured HTTP Basic credentials
 * ({@code millwright.kit.erp-callback.username/password}; HTTP Basic over TLS is what every legacy ERP's outbound SOAP
 * adapter can send, see docs/decisions.md). Anything else is answered with a SOAP fault (faultcode Client) and HTTP
 * 401 before the request is read; a service without configured credentials refuses every call.
 */
public class CallbackAuthentication extends AbstractSoapInterceptor {

    private static final Logger LOG = Logger.getLogger(CallbackAuthentication.class);

    private final String username;
    private final byte[] password;

    public CallbackAuthentication(KitConfig.ErpCallback credentials) {
        super(Phase.PRE_PROTOCOL);
        this.username = credentials.username().filter(u -> !u.isBlank()).orElse(null);
        this.password = credentials.password().orElse("").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (username == null) {
            throw refused(message, "the ERP callback has no credentials configured (millwright.kit.erp-callback.username and"
                    + " .password): every call is refused");
        }
        AuthorizationPolicy presented = message.get(AuthorizationPolicy.class);
        if (presented == null || presented.getUserName() == null) {
            throw refused(message, "the ERP callback needs HTTP Basic credentials");
        }
        boolean user = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
                presented.getUserName().getBytes(StandardCharsets.UTF_8));
        boolean secret = MessageDigest.isEqual(password, (presented.getPassword() == null ? "" : presented.getPassword())
                .getBytes(StandardCharsets.UTF_8));
        if (!user || !secret) {
            throw refused(message, "the ERP callback's credentials were not accepted");
        }
    }

    private static SoapFault refused(SoapMessage message, String reason) {
        LOG.warnf("ERP callback refused: %s", reason);
        SoapFault fault = new SoapFault(reason, message.getVersion().getSender());
        fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        fault.setStatusCode(401);
        return fault;
    }
}
