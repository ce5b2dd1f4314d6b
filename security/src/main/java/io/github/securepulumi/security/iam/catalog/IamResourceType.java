package io.github.securepulumi.security.iam.catalog;

import java.util.List;

/**
 * A resource type of one service, for example the {@code object} type of S3.
 *
 * <p>Instances are immutable and shared by every action that names the type.
 */
public final class IamResourceType {

    private final String service;
    private final String name;
    private final String arnFormat;
    private final IamConditionKey[] conditionKeys;
    private volatile ArnPattern pattern;

    IamResourceType(String service, String name, String arnFormat, IamConditionKey[] conditionKeys) {
        this.service = service;
        this.name = name;
        this.arnFormat = arnFormat;
        this.conditionKeys = conditionKeys;
    }

    /** The service prefix, for example {@code s3}. */
    public String service() {
        return service;
    }

    /** The type name as the catalog writes it, for example {@code object}. */
    public String name() {
        return name;
    }

    /** The ARN format, for example {@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}. */
    public String arnFormat() {
        return arnFormat;
    }

    /** The condition keys that apply to resources of this type. */
    public List<IamConditionKey> conditionKeys() {
        return List.of(conditionKeys);
    }

    boolean hasConditionKey(IamConditionKey key) {
        for (IamConditionKey candidate : conditionKeys) {
            if (candidate == key) {
                return true;
            }
        }
        return false;
    }

    /** Whether an ARN from a policy, wildcards allowed, can name a resource of this type. */
    public boolean matches(ArnPattern arn) {
        ArnPattern format = pattern;
        if (format == null) {
            // Parsed on first use: most of the 2,334 formats are never matched in one run.
            format = ArnPattern.parse(arnFormat).orElseThrow(
                    () -> new IllegalStateException("the IAM catalog contains the invalid ARN format " + arnFormat));
            pattern = format;
        }
        return format.overlaps(arn);
    }

    @Override
    public String toString() {
        return service + ":" + name;
    }
}
