package io.github.securepulumi.security;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.outputs.GetPartitionResult;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.core.Output;
import io.github.securepulumi.core.aws.Partition;

/**
 * The account, region and partition a stack deploys into, read once from the AWS provider.
 *
 * <p>Components need these to write ARNs of resources that do not exist yet, such as a trail's ARN
 * in the key policy that must be in place before the trail is created.
 *
 * <p>NOTE: the look-ups use the default AWS provider. A component given an explicit provider in its
 * options still reads the default provider's account and region.
 *
 * @param accountId 12-digit id of the account the credentials belong to
 * @param region    region of the default provider, for example {@code us-east-1}
 * @param partition partition of that region, for example {@code aws}
 */
public record AwsEnvironment(Output<String> accountId, Output<String> region, Output<String> partition) {

    /** Reads the environment with the {@code getCallerIdentity}, {@code getRegion} and {@code getPartition} invokes. */
    public static AwsEnvironment current() {
        return new AwsEnvironment(
                AwsFunctions.getCallerIdentity().applyValue(GetCallerIdentityResult::accountId),
                AwsFunctions.getRegion().applyValue(GetRegionResult::name),
                AwsFunctions.getPartition().applyValue(GetPartitionResult::partition));
    }

    /**
     * Returns the ARN of a resource of a regional service in this account and region, {@code
     * arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, known before the resource exists.
     */
    public Output<String> regionalArn(String service, String resource) {
        return Output.format("arn:%s:%s:%s:%s:%s", partition, service, region, accountId, resource);
    }

    /**
     * Returns {@code arn:PARTITION:iam::ACCOUNT:root}. As a principal it stands for the account and
     * delegates access to the account's IAM policies.
     */
    public Output<String> accountRootArn() {
        return Output.format("arn:%s:iam::%s:root", partition, accountId);
    }

    /**
     * Returns the regional name of a service, {@code SERVICE.REGION.DNS_SUFFIX}, such as
     * {@code logs.cn-north-1.amazonaws.com.cn}: the principal of a regional service and the value of
     * {@code kms:ViaService}.
     *
     * @throws IllegalStateException inside the {@code Output} when the provider reports a partition
     *     that securepulumi does not support
     */
    public Output<String> regionalServiceName(String service) {
        return Output.tuple(region, partition).applyValue(t -> service + "." + t.t1 + "." + partitionOf(t.t2).dnsSuffix());
    }

    /** Returns the partition with an ARN id, or raises an error naming the supported ones. */
    public static Partition partitionOf(String id) {
        return Partition.fromId(id).orElseThrow(() -> new IllegalStateException(
                "the AWS provider reported partition \"" + id + "\", which securepulumi does not support; "
                        + "supported: aws, aws-cn, aws-us-gov."));
    }
}
