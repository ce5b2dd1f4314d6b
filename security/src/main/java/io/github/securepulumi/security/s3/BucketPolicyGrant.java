package io.github.securepulumi.security.s3;

import com.pulumi.core.Output;
import io.github.securepulumi.security.iam.LeastPrivilegePolicyBuilder;

/**
 * Statements that the component owning a {@link SecureBucket} adds to the bucket policy, for
 * example CloudTrail's permission to write log files.
 *
 * <p>The bucket's ARN is passed in because the bucket's name is only known once it is created.
 */
@FunctionalInterface
public interface BucketPolicyGrant {

    /**
     * Adds statements to the bucket policy.
     *
     * @param policy    the bucket policy under construction
     * @param bucketArn ARN of the bucket, {@code arn:PARTITION:s3:::NAME}
     */
    void addTo(LeastPrivilegePolicyBuilder policy, Output<String> bucketArn);
}
