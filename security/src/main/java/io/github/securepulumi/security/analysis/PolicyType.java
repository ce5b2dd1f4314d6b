package io.github.securepulumi.security.analysis;

/** The kind of policy document, which decides the elements it must and must not contain. */
public enum PolicyType {
    /** Attached to a user, group or role: no {@code Principal}, a {@code Resource} in every statement. */
    IDENTITY,
    /**
     * Attached to a resource such as a bucket or a KMS key: a {@code Principal} and a
     * {@code Resource} in every statement.
     */
    RESOURCE,
    /** A role's trust policy: a {@code Principal}, {@code sts:} actions only, and no {@code Resource}. */
    TRUST
}
