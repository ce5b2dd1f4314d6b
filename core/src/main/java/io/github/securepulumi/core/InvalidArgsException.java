package io.github.securepulumi.core;

import java.util.List;
import java.util.Objects;

/**
 * The one exception type that securepulumi raises for invalid input.
 *
 * <p>Components validate all of their arguments before they register any resource, so when this
 * exception is thrown nothing has been created. The message lists every problem found, one per
 * line, each naming the component, the input path, the value received, the constraint and the fix.
 */
public final class InvalidArgsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String component;
    private final List<String> problems;

    /**
     * Creates the exception for one component instance.
     *
     * @param component the component type and name, for example {@code SecureAuditTrail "org-trail"}
     * @param problems  every problem found, each a full sentence; must not be empty
     */
    public InvalidArgsException(String component, List<String> problems) {
        super(format(component, problems));
        this.component = Objects.requireNonNull(component, "component");
        this.problems = List.copyOf(problems);
    }

    /** The component type and name that rejected its input. */
    public String component() {
        return component;
    }

    /** Every problem found, in the order the checks ran. */
    public List<String> problems() {
        return problems;
    }

    private static String format(String component, List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidArgsException needs at least one problem");
        }
        if (problems.size() == 1) {
            return component + ": " + problems.get(0);
        }
        StringBuilder message = new StringBuilder(component)
                .append(" has ").append(problems.size()).append(" invalid inputs:");
        for (String problem : problems) {
            message.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return message.toString();
    }
}
