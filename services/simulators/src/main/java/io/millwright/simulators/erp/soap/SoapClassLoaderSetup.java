package io.millwright.simulators.erp.soap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.cxf.BusFactory;

import io.quarkus.runtime.StartupEvent;

/**
 * The simulated ERP answers as fast as a SOAP stack can: CXF's bus gets the application's class loader at startup,
 * instead of resolving one through its resource manager (a scan of the application's jars) on every request.
 */
@ApplicationScoped
public class SoapClassLoaderSetup {

    void onStart(@Observes StartupEvent start) {
        BusFactory.getDefaultBus().setExtension(SoapClassLoaderSetup.class.getClassLoader(), ClassLoader.class);
    }
}
