package io.github.securepulumi.core.preview;

import io.github.securepulumi.core.aws.Arn;
import io.github.securepulumi.core.aws.Partition;
import java.util.Objects;

/**
 * The AWS account that the offline preview simulates.
 *
 * @param accountId 12-digit account id that appears in every ARN
 * @param region    region of regional resources, for example {@code eu-west-1}
 * @param partition partition of every ARN; must match the region
 */
public record SimulatedAccount(String accountId, String region, Partition partition) {

    /** The account used when none is configured: {@code 123456789012} in {@code us-east-1}. */
    public static final SimulatedAccount DEFAULT = new SimulatedAccount("123456789012", "us-east-1", Partition.AWS);

    public SimulatedAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(partition, "partition");
        if (!Arn.isAccountId(accountId)) {
            throw new IllegalArgumentException("accountId is \"" + accountId
                    + "\", but an AWS account id has exactly 12 digits; pass one such as 123456789012.");
        }
        if (Partition.ofRegion(region) != partition) {
            throw new IllegalArgumentException("region is \"" + region + "\", but it belongs to partition "
                    + Partition.ofRegion(region) + ", not " + partition + "; pass a region of " + partition
                    + " such as " + partition.defaultRegion() + ".");
        }
    }

    /** An account in the given partition, in that partition's default region. */
    public static SimulatedAccount in(Partition partition) {
        return new SimulatedAccount(DEFAULT.accountId(), partition.defaultRegion(), partition);
    }
}
