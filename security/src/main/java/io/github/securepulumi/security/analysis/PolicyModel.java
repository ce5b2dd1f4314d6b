package io.github.securepulumi.security.analysis;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A policy document as the checks see it: every element with the JSON path it came from.
 *
 * <p>{@link PolicyAnalyzer} builds it from JSON; the least-privilege builder builds it from its
 * statements, so that both run the same checks.
 */
public final class PolicyModel {

    private PolicyModel() {
    }

    /**
     * A whole document.
     *
     * @param version    the {@code Version} value, or {@code null} when it is missing
     * @param statements the statements in document order
     * @param size       the document size as IAM counts it, white space not counted
     */
    public record Document(String version, List<Statement> statements, int size) {

        public Document {
            statements = List.copyOf(statements);
        }
    }

    /**
     * One statement. An element the statement does not have is {@code null}.
     *
     * @param path         JSON path of the statement, for example {@code $.Statement[2]}
     * @param sid          the {@code Sid}, or {@code null}
     * @param effect       the {@code Effect} as written, or {@code null}
     * @param principal    the {@code Principal}, or {@code null}
     * @param notPrincipal the {@code NotPrincipal}, or {@code null}
     * @param action       the {@code Action}, or {@code null}
     * @param notAction    the {@code NotAction}, or {@code null}
     * @param resource     the {@code Resource}, or {@code null}
     * @param notResource  the {@code NotResource}, or {@code null}
     * @param conditions   every operator, key and values of the {@code Condition} block
     */
    public record Statement(String path, String sid, String effect, Principal principal, Principal notPrincipal,
            Values action, Values notAction, Values resource, Values notResource, List<Condition> conditions) {

        public Statement {
            Objects.requireNonNull(path, "path");
            conditions = List.copyOf(conditions);
        }

        /** Whether the effect is {@code Allow}. */
        public boolean allows() {
            return "Allow".equals(effect);
        }
    }

    /**
     * A string or array of strings.
     *
     * @param path   JSON path of the element
     * @param values the strings, in document order
     * @param array  whether the document wrote an array, which decides the path of each value
     */
    public record Values(String path, List<String> values, boolean array) {

        public Values {
            values = List.copyOf(values);
        }

        /** JSON path of the value at an index. */
        public String pathOf(int index) {
            return array ? path + "[" + index + "]" : path;
        }
    }

    /**
     * A {@code Principal} or {@code NotPrincipal}: either {@code "*"} or principals by type.
     *
     * @param path   JSON path of the element
     * @param any    whether it is the string {@code "*"}
     * @param byType principals by type ({@code AWS}, {@code Service}, {@code Federated},
     *               {@code CanonicalUser}); empty when {@code any}
     */
    public record Principal(String path, boolean any, Map<String, Values> byType) {

        public Principal {
            byType = Map.copyOf(byType);
        }
    }

    /**
     * One key of one operator of a {@code Condition} block.
     *
     * @param path     JSON path of the key, for example {@code $.Statement[0].Condition.Bool.aws:SecureTransport}
     * @param operator the operator as written, for example {@code StringEqualsIfExists}
     * @param key      the condition key as written
     * @param values   the values
     */
    public record Condition(String path, String operator, String key, Values values) {
    }
}
