package io.github.securepulumi.security.iam.catalog;

import java.util.Objects;

/**
 * A condition key as the catalog defines it.
 *
 * <p>A name may contain a placeholder, for example {@code kms:EncryptionContext:${EncryptionContextKey}}
 * or {@code aws:ResourceTag/tag-key}; {@link IamCatalog#conditionKey(String)} resolves a concrete key
 * such as {@code kms:EncryptionContext:aws:logs:arn} to that definition.
 *
 * @param name   the key as the catalog writes it
 * @param type   the value type
 * @param global whether it is a global key, available in every request context
 */
public record IamConditionKey(String name, ConditionKeyType type, boolean global) {

    public IamConditionKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
