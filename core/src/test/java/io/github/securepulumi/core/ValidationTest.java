package io.github.securepulumi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.securepulumi.core.optout.Justification;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void singleProblemIsOneLine() {
        Validation validation = Validation.of("SecureThing", "a").reject("size", 3, "it must be even; pass 2 or 4.");

        assertThatThrownBy(validation::throwIfInvalid)
                .isInstanceOf(InvalidArgsException.class)
                .hasMessage("SecureThing \"a\": size is 3, but it must be even; pass 2 or 4.");
    }

    @Test
    void severalProblemsAreListed() {
        Validation validation = Validation.of("SecureThing", "a")
                .reject("name", "x y", "spaces are not allowed; remove them.")
                .reject("size", null, "it is required; pass a size.");

        assertThatThrownBy(validation::throwIfInvalid).hasMessage("SecureThing \"a\" has 2 invalid inputs:"
                + System.lineSeparator() + "  - name is \"x y\", but spaces are not allowed; remove them."
                + System.lineSeparator() + "  - size is missing, but it is required; pass a size.");
    }

    @Test
    void noProblemThrowsNothing() {
        assertThatCode(() -> Validation.of("SecureThing", "a").throwIfInvalid()).doesNotThrowAnyException();
    }

    @Test
    void shortJustificationIsAProblem() {
        assertThat(Justification.of("n/a").problem()).isNotNull();
        assertThat(Justification.of("   ").problem()).isNotNull();
        assertThat(Justification.of("ephemeral test stack, destroyed nightly").problem()).isNull();
    }

    @Test
    void tagsThatAwsRejectsAreProblems() {
        Validation validation = Validation.of("SecureThing", "a");

        Tags.check("tags", Map.of("aws:team", "x", "", "y", "ok", "z".repeat(257)), validation);

        assertThat(validation.problems()).hasSize(3);
    }

    @Test
    void userTagsOverrideDefaults() {
        assertThat(Tags.withDefaults(Map.of("managed-by", "platform"), "c"))
                .containsEntry("managed-by", "platform")
                .containsEntry("securepulumi:component", "c");
    }
}
