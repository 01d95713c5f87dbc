package io.millwright.edge.config;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} in a plant-file value, replaced by the environment variable when the file is read, so that the
 * file holds no passwords; {@code $$} stands for a literal {@code $}. An unset variable is a problem of the file.
 */
final class EnvironmentReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, String> environment;

    /** @param environment the variable's value by name; null when it is not set */
    EnvironmentReferences(Function<String, String> environment) {
        this.environment = environment;
    }

    /** The field's value with its references replaced; null if missing or unresolvable (the problem is reported). */
    String expanded(YamlFields f, String key, boolean required) {
        String text = f.text(key, required);
        if (text == null) {
            return null;
        }
        StringBuilder value = new StringBuilder();
        Matcher reference = REFERENCE.matcher(text);
        boolean resolved = true;
        while (reference.find()) {
            String replacement = "$";
            String name = reference.group(1);
            if (name != null && !NAME.matcher(name).matches()) {
                f.problem(key, "'${" + name + "}' is not an environment variable name");
                resolved = false;
            } else if (name != null) {
                replacement = environment.apply(name);
                if (replacement == null) {
                    f.problem(key, "environment variable " + name + " is not set");
                    resolved = false;
                    replacement = "";
                }
            }
            reference.appendReplacement(value, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(value);
        if (!resolved) {
            return null;
        }
        if (value.isEmpty() && required) {
            f.problem(key, "must not be empty");
            return null;
        }
        return value.isEmpty() ? null : value.toString();
    }
}
