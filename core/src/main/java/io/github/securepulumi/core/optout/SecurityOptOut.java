package io.github.securepulumi.core.optout;

import java.util.Objects;

/**
 * A secure default that a user switched off, with the reason they gave.
 *
 * @param ruleId        stable id of the default, for example {@code SP-AUDIT-RETAIN}
 * @param component     component type and name, for example {@code SecureAuditTrail "org-trail"}
 * @param input         the args attribute that switched the default off
 * @param consequence   what is weaker now, in one sentence
 * @param justification the user's reason
 */
public record SecurityOptOut(
        String ruleId, String component, String input, String consequence, Justification justification) {

    public SecurityOptOut {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(consequence, "consequence");
        Objects.requireNonNull(justification, "justification");
    }

    /** One line for logs and the preview report. */
    public String describe() {
        return "[" + ruleId + "] " + component + ": " + input + " weakens a secure default. "
                + consequence + " Justification: " + justification.text();
    }
}
