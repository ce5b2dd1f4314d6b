package io.github.securepulumi.core;

import java.util.ArrayList;
import java.util.Collection;
import io.github.securepulumi.core.optout.Justification;
import java.util.List;
import java.util.Optional;

/**
 * Collects the problems found in one component's input, then raises them together.
 *
 * <p>Checks add problems instead of throwing, so a user with three mistakes gets all three in one
 * run. Call {@link #throwIfInvalid()} once every check has run and before any resource is
 * registered.
 */
public final class Validation {

    private final String component;
    private final List<String> problems = new ArrayList<>();

    private Validation(String component) {
        this.component = component;
    }

    /**
     * Starts collecting problems for a component instance.
     *
     * @param componentType the simple type name, for example {@code SecureAuditTrail}
     * @param name          the Pulumi resource name of the instance
     */
    public static Validation of(String componentType, String name) {
        return new Validation(componentType + " \"" + name + "\"");
    }

    /**
     * Records a problem with one input.
     *
     * @param property the input path, for example {@code logRetentionDays}
     * @param value    the value received; rendered with {@link #show(Object)}
     * @param problem  what is wrong and how to fix it, as a sentence fragment after "but"
     */
    public Validation reject(String property, Object value, String problem) {
        problems.add(property + " is " + show(value) + ", but " + problem);
        return this;
    }

    /** Records a problem that is not about one value, for example two inputs that conflict. */
    public Validation problem(String sentence) {
        problems.add(sentence);
        return this;
    }

    /**
     * Records a problem when an opt-out's justification is too short to tell a reviewer why the
     * default does not fit. Does nothing when the opt-out is absent.
     */
    public Validation justification(String property, Optional<Justification> justification) {
        justification.ifPresent(j -> {
            String problem = j.problem();
            if (problem != null) {
                reject(property, j.text(), problem);
            }
        });
        return this;
    }

    /** Records problems already found elsewhere, for example by a nested argument type. */
    public Validation addAll(Collection<String> sentences) {
        problems.addAll(sentences);
        return this;
    }

    /** Whether any problem has been recorded. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The problems recorded so far. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Raises every recorded problem at once.
     *
     * @throws InvalidArgsException when at least one problem was recorded
     */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidArgsException(component, problems);
        }
    }

    /**
     * Renders a received value for a message: strings in double quotes, {@code null} as
     * {@code missing}, everything else with {@code toString()}.
     */
    public static String show(Object value) {
        if (value == null) {
            return "missing";
        }
        if (value instanceof CharSequence) {
            return "\"" + value + "\"";
        }
        return String.valueOf(value);
    }
}
