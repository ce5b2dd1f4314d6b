package io.github.securepulumi.security.s3;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.securepulumi.core.ComponentOutputs;
import io.github.securepulumi.core.Tags;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.core.optout.OptOutReporter;
import io.github.securepulumi.core.optout.SecurityOptOut;
import io.github.securepulumi.security.AwsEnvironment;
import io.github.securepulumi.security.iam.LeastPrivilegePolicyBuilder;
import io.github.securepulumi.security.kms.KeyGrant;
import io.github.securepulumi.security.kms.SecureKey;
import io.github.securepulumi.security.kms.SecureKeyArgs;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An S3 bucket that is private, encrypted with a customer managed KMS key, versioned, reachable
 * only over TLS, and whose every request is logged to a separate access-log bucket.
 *
 * <p>Children: the bucket; a public access block with all four settings on; object ownership
 * {@code BucketOwnerEnforced}, which disables ACLs; versioning; SSE-KMS with an S3 bucket key;
 * lifecycle rules; the bucket policy; and the access-log bucket with the same hardening except its
 * encryption, which is SSE-S3 because S3 server access logging cannot deliver to a bucket whose
 * default encryption is SSE-KMS. The access-log bucket does not log itself, since that would log
 * its own log deliveries without end.
 */
public final class SecureBucket extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "securepulumi:security:SecureBucket";

    /** Key prefix under which access logs of this bucket are written in the access-log bucket. */
    public static final String ACCESS_LOG_PREFIX = "access-logs/";

    /** Physical name of the bucket. */
    public final Output<String> bucketName;

    /** ARN of the bucket, {@code arn:PARTITION:s3:::NAME}. */
    public final Output<String> bucketArn;

    /** ARN of the KMS key that encrypts the bucket's objects. */
    public final Output<String> kmsKeyArn;

    /** Physical name of the access-log bucket; empty when access logging was switched off. */
    public final Output<String> accessLogBucketName;

    private final BucketPolicy bucketPolicy;

    /**
     * Creates the bucket and everything that hardens it.
     *
     * @throws io.github.securepulumi.core.InvalidArgsException before anything is registered, listing
     *     every invalid input
     */
    public SecureBucket(String name, SecureBucketArgs args, ComponentResourceOptions options) {
        super(TYPE, SecureBucketValidation.validated(name, args), options);
        AwsEnvironment aws = AwsEnvironment.current();
        boolean retain = args.deleteOnDestroy().isEmpty();
        args.deleteOnDestroy().ifPresent(j -> reportOptOut(name, "SP-S3-RETAIN", "deleteOnDestroy",
                "The bucket and every object in it are deleted on destroy.", j));
        args.disableAccessLogging().ifPresent(j -> reportOptOut(name, "SP-S3-ACCESS-LOGS", "disableAccessLogging",
                "Requests to the bucket are not logged, so reads of its data leave no record.", j));

        Output<String> keyArn = args.kmsKeyArn().orElseGet(() -> ownKey(name, args, aws).keyArn);

        BucketV2 bucket = new BucketV2(name + "-bucket", bucketArgs(args.bucketName(), !retain, args.tags(), name),
                CustomResourceOptions.builder().parent(this).retainOnDelete(retain).build());
        BucketPublicAccessBlock publicAccessBlock = harden(name, bucket, keyArn, args.bucketKeyEnabled(), lifecycleRules(args));

        // PutBucketPolicy and PutPublicAccessBlock on one bucket at the same time fail with
        // OperationAborted (a conflicting conditional operation), so the policy waits.
        this.bucketPolicy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(policyDocument(bucket.arn(), args.policyGrants()))
                .build(),
                CustomResourceOptions.builder().parent(this).dependsOn(publicAccessBlock).build());

        Output<String> accessLogBucket = args.disableAccessLogging().isPresent()
                ? Output.of("")
                : accessLogging(name, args, bucket, aws, retain);

        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        this.kmsKeyArn = keyArn;
        this.accessLogBucketName = accessLogBucket;
        registerOutputs(ComponentOutputs.of(this));
    }

    /**
     * Returns the bucket policy resource. Depend on it when a service must be allowed to write to the bucket
     * as soon as your resource is created.
     */
    public BucketPolicy bucketPolicy() {
        return bucketPolicy;
    }

    private void reportOptOut(String name, String ruleId, String input, String consequence, Justification justification) {
        OptOutReporter.report(this, new SecurityOptOut(ruleId, "SecureBucket \"" + name + "\"", input, consequence, justification));
    }

    /** Creates a key for this bucket alone, usable by principals of this account only through S3. */
    private SecureKey ownKey(String name, SecureBucketArgs args, AwsEnvironment aws) {
        KeyGrant viaS3 = KeyGrant.builder("UseThroughS3")
                .awsPrincipal(aws.accountRootArn())
                .actions("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey",
                        "kms:ReEncryptFrom", "kms:ReEncryptTo")
                .condition("StringEquals", "kms:ViaService", aws.regionalServiceName("s3"))
                .condition("StringEquals", "kms:CallerAccount", aws.accountId())
                .build();
        SecureKeyArgs.Builder keyArgs = SecureKeyArgs.builder()
                .description("Encrypts objects of the S3 bucket of SecureBucket " + name)
                .addGrants(viaS3)
                .tags(args.tags());
        args.deleteOnDestroy().ifPresent(keyArgs::deleteOnDestroy);
        return new SecureKey(name, keyArgs.build(), ComponentResourceOptions.builder().parent(this).build());
    }

    private static BucketV2Args bucketArgs(Optional<String> physicalName, boolean forceDestroy,
            Map<String, String> tags, String componentName) {
        BucketV2Args.Builder builder = BucketV2Args.builder()
                .forceDestroy(forceDestroy)
                .tags(Tags.withDefaults(tags, componentName));
        physicalName.ifPresent(builder::bucket);
        return builder.build();
    }

    /**
     * Blocks public access, enforces object ownership, turns on versioning, default encryption and
     * lifecycle rules for one bucket.
     *
     * @param keyArn the SSE-KMS key, or {@code null} for SSE-S3
     * @return the public access block, which the bucket policy must wait for
     */
    private BucketPublicAccessBlock harden(String prefix, BucketV2 bucket, Output<String> keyArn, boolean bucketKey,
            List<BucketLifecycleConfigurationV2RuleArgs> rules) {
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        BucketPublicAccessBlock publicAccessBlock = new BucketPublicAccessBlock(prefix + "-public-access-block",
                BucketPublicAccessBlockArgs.builder()
                        .bucket(bucket.id())
                        .blockPublicAcls(true)
                        .blockPublicPolicy(true)
                        .ignorePublicAcls(true)
                        .restrictPublicBuckets(true)
                        .build(),
                child);

        new BucketOwnershipControls(prefix + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(),
                child);

        BucketVersioningV2 versioning = new BucketVersioningV2(prefix + "-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(),
                child);

        var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        if (keyArn == null) {
            byDefault.sseAlgorithm("AES256");
        } else {
            byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(keyArn);
        }
        new BucketServerSideEncryptionConfigurationV2(prefix + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(byDefault.build())
                                .bucketKeyEnabled(keyArn != null && bucketKey)
                                .build())
                        .build(),
                child);

        // Lifecycle rules on non-current versions are accepted only once versioning is on; S3 applies
        // versioning eventually, so the rules wait for the versioning resource.
        new BucketLifecycleConfigurationV2(prefix + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(rules)
                .build(),
                CustomResourceOptions.builder().parent(this).dependsOn(versioning).build());
        return publicAccessBlock;
    }

    private static List<BucketLifecycleConfigurationV2RuleArgs> lifecycleRules(SecureBucketArgs args) {
        var rule = BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("securepulumi-retention")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                        .daysAfterInitiation(args.abortIncompleteMultipartUploadDays()).build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(args.noncurrentVersionExpirationDays()).build());
        args.objectExpirationDays().ifPresent(days ->
                rule.expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(days).build()));
        return List.of(rule.build());
    }

    private static List<BucketLifecycleConfigurationV2RuleArgs> accessLogLifecycleRules(SecureBucketArgs args) {
        return List.of(BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("securepulumi-access-log-retention")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                        .days(args.accessLogRetentionDays()).build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(args.noncurrentVersionExpirationDays()).build())
                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                        .daysAfterInitiation(args.abortIncompleteMultipartUploadDays()).build())
                .build());
    }

    /** Creates the access-log bucket and points the bucket's server access logging at it. */
    private Output<String> accessLogging(String name, SecureBucketArgs args, BucketV2 source, AwsEnvironment aws,
            boolean retain) {
        String prefix = name + "-access-logs";
        BucketV2 logs = new BucketV2(prefix, bucketArgs(Optional.empty(), !retain, args.tags(), name),
                CustomResourceOptions.builder().parent(this).retainOnDelete(retain).build());
        BucketPublicAccessBlock publicAccessBlock = harden(prefix, logs, null, false, accessLogLifecycleRules(args));

        BucketPolicyGrant logDelivery = (policy, logBucketArn) -> policy.allow("S3ServerAccessLogsDelivery", s -> s
                .servicePrincipal("logging.s3.amazonaws.com")
                .actions("s3:PutObject")
                .resources(logBucketArn.applyValue(arn -> arn + "/" + ACCESS_LOG_PREFIX + "*"))
                .condition("ArnLike", "aws:SourceArn", source.arn())
                .condition("StringEquals", "aws:SourceAccount", aws.accountId()));
        // Same race as the main bucket's policy: wait for the public access block.
        BucketPolicy logPolicy = new BucketPolicy(prefix + "-policy", BucketPolicyArgs.builder()
                .bucket(logs.id())
                .policy(policyDocument(logs.arn(), List.of(logDelivery)))
                .build(),
                CustomResourceOptions.builder().parent(this).dependsOn(publicAccessBlock).build());

        // S3 delivers access logs as the logging service principal, which the access-log bucket's
        // policy allows. Logging starts only after that policy exists, so no delivery is rejected.
        new BucketLoggingV2(name + "-access-logging", BucketLoggingV2Args.builder()
                .bucket(source.id())
                .targetBucket(logs.id())
                .targetPrefix(ACCESS_LOG_PREFIX)
                .build(),
                CustomResourceOptions.builder().parent(this).dependsOn(logPolicy).build());
        return logs.bucket();
    }

    /** Builds the bucket policy: the owner's grants plus a statement that denies every request not sent over TLS. */
    private static Output<String> policyDocument(Output<String> bucketArn, List<BucketPolicyGrant> grants) {
        LeastPrivilegePolicyBuilder policy = LeastPrivilegePolicyBuilder.resourcePolicy();
        grants.forEach(grant -> grant.addTo(policy, bucketArn));
        policy.deny("DenyInsecureTransport", s -> s
                .anyPrincipal()
                .actions("s3:*")
                .resources(bucketArn, bucketArn.applyValue(arn -> arn + "/*"))
                .condition("Bool", "aws:SecureTransport", "false"));
        return policy.build();
    }
}
