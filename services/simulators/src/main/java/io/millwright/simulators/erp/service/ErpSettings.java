package io.millwright.simulators.erp.service;

import java.util.Map;

import io.millwright.simulators.erp.persistence.ErpSettingEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads and changes the ERP's settings (kept in the database, so they survive a simulator restart). */
@ApplicationScoped
public class ErpSettings {

    public static final long DEFAULT_AUTO_RELEASE_DELAY_MS = 500;

    public record View(String releaseCallbackUrl, boolean autoRelease, long autoReleaseDelayMs) {

        static View of(ErpSettingEntity e) {
            return new View(e.releaseCallbackUrl, e.autoRelease, e.autoReleaseDelayMs);
        }
    }

    @Transactional
    public View current() {
        return View.of(ErpSettingEntity.current());
    }

    /**
     * Applies the keys present in {@code changes} (releaseCallbackUrl, autoRelease, autoReleaseDelayMs); a present
     * key with null value clears the callback URL. Unknown keys or wrong types: IllegalArgumentException.
     */
    @Transactional
    public View update(Map<String, Object> changes) {
        ErpSettingEntity settings = ErpSettingEntity.current();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Object value = change.getValue();
            switch (change.getKey()) {
                case "releaseCallbackUrl" -> settings.releaseCallbackUrl =
                        value == null || value.toString().isBlank() ? null : value.toString();
                case "autoRelease" -> {
                    if (!(value instanceof Boolean flag)) {
                        throw new IllegalArgumentException("autoRelease must be true or false");
                    }
                    settings.autoRelease = flag;
                }
                case "autoReleaseDelayMs" -> {
                    if (!(value instanceof Number delay) || delay.longValue() < 0) {
                        throw new IllegalArgumentException("autoReleaseDelayMs must be a number >= 0");
                    }
                    settings.autoReleaseDelayMs = delay.longValue();
                }
                default -> throw new IllegalArgumentException("unknown setting " + change.getKey()
                        + "; known: releaseCallbackUrl, autoRelease, autoReleaseDelayMs");
            }
        }
        return View.of(settings);
    }
}
