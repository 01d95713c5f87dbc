package io.millwright.kit.erp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.cxf.BusFactory;

import io.quarkus.runtime.StartupEvent;

/**
 * Gives CXF's bus the application's class loader once at startup. Without it, CXF's servlet controller asks its
 * resource manager for a class loader on every SOAP request it serves (the ERP callback), which in a packaged Quarkus
 * application means a classpath scan across the jars per call: measured as the largest single cost of a SOAP request
 * (docs/benchmarks.md).
 */
@ApplicationScoped
public class SoapBusClassLoader {

    void onStart(@Observes StartupEvent start) {
        BusFactory.getDefaultBus().setExtension(SoapBusClassLoader.class.getClassLoader(), ClassLoader.class);
    }
}
