package io.github.securepulumi.security;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.outputs.GetPartitionResult;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.core.Output;

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
}
