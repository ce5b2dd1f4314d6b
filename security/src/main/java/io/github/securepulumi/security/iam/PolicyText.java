package io.github.securepulumi.security.iam;

import com.pulumi.core.Output;
import java.util.List;
import java.util.Objects;

/**
 * A string of a policy under construction: known now, or the value of an {@code Output} that is
 * known only inside {@code apply}.
 */
sealed interface PolicyText {

    /** A value known when the statement is written. */
    record Plain(String value) implements PolicyText {
        public Plain {
            Objects.requireNonNull(value, "value");
        }
    }

    /** An {@code Output} value; {@code slot} is its index in the list the builder resolves together. */
    record Deferred(Output<String> output, int slot) implements PolicyText {
        public Deferred {
            Objects.requireNonNull(output, "output");
        }
    }

    /** The value, or {@code null} for a deferred value when {@code resolved} is {@code null}. */
    default String resolve(List<String> resolved) {
        if (this instanceof Plain plain) {
            return plain.value();
        }
        return resolved == null ? null : resolved.get(((Deferred) this).slot());
    }
}
