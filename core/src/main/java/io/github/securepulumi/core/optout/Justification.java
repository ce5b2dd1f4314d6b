package io.github.securepulumi.core.optout;

import java.util.Objects;

/**
 * The written reason a user gives for weakening a secure default.
 *
 * <p>Every input that weakens a default takes a {@code Justification}, so that the choice is
 * visible in code review and in the preview report. The text must be a real sentence: at least
 * {@value #MIN_LENGTH} characters.
 *
 * @param text the reason, for example {@code "ephemeral CI stack, destroyed after each test run"}
 */
public record Justification(String text) {

    /** Minimum number of non-blank characters, so that "n/a" or "test" is not accepted. */
    public static final int MIN_LENGTH = 15;

    public Justification {
        Objects.requireNonNull(text, "text");
    }

    /** Creates a justification; {@link #problem()} checks whether the text is acceptable. */
    public static Justification of(String text) {
        return new Justification(text);
    }

    /**
     * Describes what is wrong with the text, as a sentence fragment for a validation message, or
     * returns {@code null} when the text is acceptable.
     */
    public String problem() {
        if (text.isBlank() || text.strip().length() < MIN_LENGTH) {
            return "a justification must be a sentence of at least " + MIN_LENGTH
                    + " characters saying why the default does not fit; write the reason a reviewer should read.";
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
