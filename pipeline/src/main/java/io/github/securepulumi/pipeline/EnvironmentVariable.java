package io.github.securepulumi.pipeline;

import java.util.Objects;

/**
 * An environment variable of a CodeBuild project.
 *
 * <p>Only {@link Type#PLAINTEXT} values are stored in the project itself, where anyone who may
 * read the project (or its build logs) can read them. Secrets belong in Secrets Manager or in an SSM
 * {@code SecureString} parameter; CodeBuild then reads them at build time with the project's role,
 * which is granted exactly those secrets and parameters.
 *
 * @param name  variable name
 * @param type  where the value comes from
 * @param value the value itself for {@code PLAINTEXT}, the parameter name for
 *              {@code PARAMETER_STORE}, the secret ARN for {@code SECRETS_MANAGER}
 */
public record EnvironmentVariable(String name, Type type, String value) {

    /** The value sources CodeBuild supports, named as CodeBuild names them. */
    public enum Type {
        /** The value is stored in the project. */
        PLAINTEXT,
        /** The value is read from an SSM parameter, given by name. */
        PARAMETER_STORE,
        /** The value is read from a Secrets Manager secret, given by ARN. */
        SECRETS_MANAGER
    }

    public EnvironmentVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** Creates a variable whose value is not secret and is stored in the project. */
    public static EnvironmentVariable plaintext(String name, String value) {
        return new EnvironmentVariable(name, Type.PLAINTEXT, value);
    }

    /** Creates a variable read from an SSM parameter (a {@code SecureString} for secrets), given by name such as {@code /app/db-url}. */
    public static EnvironmentVariable parameterStore(String name, String parameterName) {
        return new EnvironmentVariable(name, Type.PARAMETER_STORE, parameterName);
    }

    /** Creates a variable read from a Secrets Manager secret, given by its full ARN. */
    public static EnvironmentVariable secretsManager(String name, String secretArn) {
        return new EnvironmentVariable(name, Type.SECRETS_MANAGER, secretArn);
    }
}
