package io.millwright.simulators.erp.soap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The simulated ERP's SOAP user: with {@code millwright.sim.erp.username} set, every call must carry it and its
 * password (HTTP Basic), as a real ERP's web service user; otherwise a SOAP fault with faultcode Client and HTTP 401.
 */
public class ErpCredentialsCheck extends AbstractSoapInterceptor {

    public ErpCredentialsCheck() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Optional<String> user = ConfigProvider.getConfig().getOptionalValue("millwright.sim.erp.username", String.class)
                .filter(u -> !u.isBlank());
        if (user.isEmpty()) {
            return;
        }
        String password = ConfigProvider.getConfig().getOptionalValue("millwright.sim.erp.password", String.class).orElse("");
        AuthorizationPolicy presented = message.get(AuthorizationPolicy.class);
        boolean accepted = presented != null && presented.getUserName() != null
                && MessageDigest.isEqual(user.get().getBytes(StandardCharsets.UTF_8), presented.getUserName().getBytes(StandardCharsets.UTF_8))
                && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                        (presented.getPassword() == null ? "" : presented.getPassword()).getBytes(StandardCharsets.UTF_8));
        if (!accepted) {
            SoapFault fault = new SoapFault(presented == null ? "The ERP wants HTTP Basic credentials of its SOAP user"
                    : "The ERP did not accept the credentials of user " + presented.getUserName(), message.getVersion().getSender());
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            fault.setStatusCode(401);
            throw fault;
        }
    }
}
