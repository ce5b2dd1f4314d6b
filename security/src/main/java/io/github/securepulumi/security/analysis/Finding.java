package io.github.securepulumi.security.analysis;

import java.util.Objects;

/**
 * One problem that the {@link PolicyAnalyzer} found in a policy document.
 *
 * @param type    how serious it is
 * @param id      stable identifier of the check, for example {@code UNKNOWN_ACTION}
 * @param path    JSON path of the offending element, for example {@code $.Statement[0].Action[1]}
 * @param message what is wrong, naming the value found
 * @param fix     how to fix it
 */
public record Finding(FindingType type, String id, String path, String message, String fix) {

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** One line for logs and reports: {@code ERROR UNKNOWN_ACTION at $.Statement[0].Action: message fix}. */
    public String describe() {
        return type + " " + id + " at " + path + ": " + message + " " + fix;
    }

    @Override
    public String toString() {
        return describe();
    }
}
