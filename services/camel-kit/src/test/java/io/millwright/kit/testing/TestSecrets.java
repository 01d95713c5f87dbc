package io.millwright.kit.testing;

import java.util.UUID;

/**
 * Secrets tests make while they run (a webhook secret, the ERP's passwords): random, one per name and test JVM, the
 * same in every class loader (kept in a system property), never in the repository.
 */
public final class TestSecrets {

    private TestSecrets() {
    }

    public static synchronized String of(String name) {
        String property = "millwright.test.secret." + name;
        String value = System.getProperty(property);
        if (value == null) {
            value = UUID.randomUUID().toString();
            System.setProperty(property, value);
        }
        return value;
    }
}
