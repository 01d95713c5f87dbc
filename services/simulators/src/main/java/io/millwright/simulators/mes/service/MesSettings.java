package io.millwright.simulators.mes.service;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.millwright.simulators.mes.persistence.MesSettingEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Where the MES reaches production-service and how it acknowledges. A URL set through the admin API wins over
 * {@code millwright.sim.mes.production-service-url} (the local run's default).
 */
@ApplicationScoped
public class MesSettings {

    public record View(String productionServiceBaseUrl, boolean autoAcknowledge, long ackDelayMs) {
    }

    @ConfigProperty(name = "millwright.sim.mes.production-service-url")
    Optional<String> defaultProductionServiceUrl;

    @Transactional
    public View current() {
        MesSettingEntity settings = MesSettingEntity.current();
        String url = settings.productionServiceBaseUrl != null ? settings.productionServiceBaseUrl
                : defaultProductionServiceUrl.orElse(null);
        return new View(url, settings.autoAcknowledge, settings.ackDelayMs);
    }

    /** Applies the keys present (productionServiceBaseUrl, autoAcknowledge, ackDelayMs); bad ones: IllegalArgumentException. */
    @Transactional
    public View update(Map<String, Object> changes) {
        MesSettingEntity settings = MesSettingEntity.current();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Object value = change.getValue();
            switch (change.getKey()) {
                case "productionServiceBaseUrl" -> settings.productionServiceBaseUrl =
                        value == null || value.toString().isBlank() ? null : trimSlash(value.toString());
                case "autoAcknowledge" -> {
                    if (!(value instanceof Boolean flag)) {
                        throw new IllegalArgumentException("autoAcknowledge must be true or false");
                    }
                    settings.autoAcknowledge = flag;
                }
                case "ackDelayMs" -> {
                    if (!(value instanceof Number delay) || delay.longValue() < 0) {
                        throw new IllegalArgumentException("ackDelayMs must be a number >= 0");
                    }
                    settings.ackDelayMs = delay.longValue();
                }
                default -> throw new IllegalArgumentException("unknown setting " + change.getKey()
                        + "; known: productionServiceBaseUrl, autoAcknowledge, ackDelayMs");
            }
        }
        return current();
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
