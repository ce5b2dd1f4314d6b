package io.github.securepulumi.core.aws;

import java.util.Arrays;
import java.util.Optional;

/**
 * An AWS partition: the first field of every ARN and the DNS suffix of its service endpoints.
 *
 * <p>Service principals such as {@code cloudtrail.amazonaws.com} are the same in all three
 * partitions covered here; only regional principals and endpoints use the DNS suffix.
 */
public enum Partition {
    /** Commercial regions, for example {@code us-east-1}. */
    AWS("aws", "amazonaws.com", "us-east-1"),
    /** China regions, for example {@code cn-north-1}. */
    AWS_CN("aws-cn", "amazonaws.com.cn", "cn-north-1"),
    /** AWS GovCloud (US) regions, for example {@code us-gov-west-1}. */
    AWS_US_GOV("aws-us-gov", "amazonaws.com", "us-gov-west-1");

    private final String id;
    private final String dnsSuffix;
    private final String defaultRegion;

    Partition(String id, String dnsSuffix, String defaultRegion) {
        this.id = id;
        this.dnsSuffix = dnsSuffix;
        this.defaultRegion = defaultRegion;
    }

    /** The partition as it appears in ARNs, for example {@code aws-us-gov}. */
    public String id() {
        return id;
    }

    /** The DNS suffix of service endpoints, for example {@code amazonaws.com.cn}. */
    public String dnsSuffix() {
        return dnsSuffix;
    }

    /** A region of this partition, used where a region is needed and none was given. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /** Finds a partition by its ARN form, for example {@code aws-cn}. */
    public static Optional<Partition> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** Finds the partition a region belongs to, by the region's prefix. */
    public static Partition ofRegion(String region) {
        if (region.startsWith("cn-")) {
            return AWS_CN;
        }
        if (region.startsWith("us-gov-")) {
            return AWS_US_GOV;
        }
        return AWS;
    }

    @Override
    public String toString() {
        return id;
    }
}
