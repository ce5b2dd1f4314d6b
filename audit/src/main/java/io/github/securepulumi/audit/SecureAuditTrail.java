package io.github.securepulumi.audit;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.github.securepulumi.core.ComponentOutputs;
import io.github.securepulumi.core.Tags;
import io.github.securepulumi.core.Validation;
import io.github.securepulumi.core.aws.Arn;
import io.github.securepulumi.core.aws.AwsArns;
import io.github.securepulumi.core.optout.OptOutReporter;
import io.github.securepulumi.core.optout.SecurityOptOut;
import io.github.securepulumi.security.AwsEnvironment;
import io.github.securepulumi.security.kms.SecureKey;
import io.github.securepulumi.security.kms.SecureKeyArgs;
import io.github.securepulumi.security.s3.SecureBucket;
import io.github.securepulumi.security.s3.SecureBucketArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CloudTrail trail that records every management event in every region, with its encrypted log
 * bucket, KMS key, CloudWatch log group and delivery role, created in an order AWS accepts.
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>Log files are encrypted with a customer managed key and carry integrity digests (log file
 *       validation); the bucket is private, versioned, TLS-only and access-logged.</li>
 *   <li>The key policy lets CloudTrail encrypt for this trail only and CloudWatch Logs use the key for
 *       this log group only; the bucket policy lets CloudTrail write under {@code AWSLogs/ACCOUNT/}
 *       only; the role can be assumed only by CloudTrail for this trail and can only write to this log
 *       group's streams.</li>
 *   <li>The trail is created after its bucket policy, key policy, log group, role and role policy,
 *       and receives the log group ARN in the {@code :*} form CloudTrail requires.</li>
 *   <li>The bucket and key are retained when the stack is destroyed.</li>
 * </ul>
 *
 * <p>Limitations: organization trails, SNS notifications and CloudTrail Insights are not supported.
 * The log group is not retained on destroy, because its fixed name would collide on the next deploy;
 * the bucket keeps the complete record.
 */
public final class SecureAuditTrail extends ComponentResource {

    /** Pulumi type token of this component. */
    public static final String TYPE = "securepulumi:audit:SecureAuditTrail";

    /** Prefix of the log group's name; the trail name follows it. */
    public static final String LOG_GROUP_PREFIX = "/aws/cloudtrail/";

    /** ARN of the trail. */
    public final Output<String> trailArn;

    /** Name of the bucket that receives the log files. */
    public final Output<String> bucketName;

    /** ARN of the log group, in the bare form the AWS provider returns (without {@code :*}). */
    public final Output<String> logGroupArn;

    /** ARN of the KMS key that encrypts log files and the log group. */
    public final Output<String> kmsKeyArn;

    /** ARN of the role CloudTrail assumes to write to the log group. */
    public final Output<String> roleArn;

    /**
     * Creates the trail and everything it needs.
     *
     * @param name    logical name; also the trail's name unless {@code trailName} is set
     * @param args    inputs; {@code SecureAuditTrailArgs.builder().build()} gives every secure default
     * @param options Pulumi options of the component, or {@code null}
     * @throws io.github.securepulumi.core.InvalidArgsException before anything is registered, listing
     *     every invalid input
     */
    public SecureAuditTrail(String name, SecureAuditTrailArgs args, ComponentResourceOptions options) {
        super(TYPE, SecureAuditTrailValidation.validated(name, args), options);
        String trailName = args.trailName().orElse(name);
        String logGroupName = LOG_GROUP_PREFIX + trailName;
        AwsEnvironment aws = AwsEnvironment.current();
        AuditTrailPolicies policies = new AuditTrailPolicies(aws, trailName, logGroupName);
        Map<String, String> tags = Tags.withDefaults(args.tags(), name);
        reportOptOuts(name, args);

        // With no key given, the trail gets its own key whose policy names this trail and log group.
        SecureKey ownKey = args.kmsKeyArn().isPresent() ? null : ownKey(name, args, policies);
        Output<String> keyArn = ownKey == null ? existingKeyInRegion(name, args.kmsKeyArn().get(), aws) : ownKey.keyArn;

        SecureBucket bucket = new SecureBucket(name + "-logs", bucketArgs(args, keyArn, policies),
                ComponentResourceOptions.builder().parent(this).build());

        // CloudWatch Logs checks at creation that its regional principal may use the key. Before the
        // key policy is in place, CreateLogGroup fails with an access-denied error.
        LogGroup logGroup = new LogGroup(name + "-log-group", LogGroupArgs.builder()
                .name(logGroupName)
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(keyArn)
                .tags(tags)
                .build(),
                childOptions(ownKey == null ? List.of() : List.of(ownKey.keyPolicy())));

        Role role = new Role(name + "-cloudtrail-role", RoleArgs.builder()
                .description("Lets CloudTrail deliver events of trail " + trailName + " to " + logGroupName)
                .assumeRolePolicy(policies.roleTrustPolicy())
                .tags(tags)
                .build(),
                childOptions(List.of()));
        RolePolicy rolePolicy = new RolePolicy(name + "-cloudtrail-role-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(policies.logDeliveryPolicy(logGroup.arn()))
                .build(),
                childOptions(List.of()));

        Trail trail = new Trail(name + "-trail", trailArgs(args, trailName, tags, bucket, keyArn, logGroup, role),
                childOptions(trailDependencies(bucket, ownKey, logGroup, role, rolePolicy)));

        this.trailArn = trail.arn();
        this.bucketName = bucket.bucketName;
        this.logGroupArn = logGroup.arn();
        this.kmsKeyArn = keyArn;
        this.roleArn = role.arn();
        registerOutputs(ComponentOutputs.of(this));
    }

    /**
     * Lists the resources the trail waits for, each because CreateTrail or StartLogging validates it:
     * <ul>
     *   <li>the bucket policy: without it CreateTrail fails with {@code InsufficientS3BucketPolicyException};</li>
     *   <li>the key policy: without CloudTrail's grant it fails with {@code InsufficientEncryptionPolicyException};</li>
     *   <li>the log group: CloudTrail checks that the group exists ({@code InvalidCloudWatchLogsLogGroupArnException});</li>
     *   <li>the role and its inline policy: CloudTrail assumes the role and tries to create a log stream at
     *       once, and a policy still being attached fails with "Access denied. Check the permissions for your role."</li>
     * </ul>
     */
    private static List<Resource> trailDependencies(SecureBucket bucket, SecureKey ownKey, LogGroup logGroup, Role role,
            RolePolicy rolePolicy) {
        List<Resource> dependencies = new ArrayList<>();
        dependencies.add(bucket.bucketPolicy());
        if (ownKey != null) {
            dependencies.add(ownKey.keyPolicy());
        }
        dependencies.add(logGroup);
        dependencies.add(role);
        dependencies.add(rolePolicy);
        return dependencies;
    }

    private static TrailArgs trailArgs(SecureAuditTrailArgs args, String trailName, Map<String, String> tags,
            SecureBucket bucket, Output<String> keyArn, LogGroup logGroup, Role role) {
        return TrailArgs.builder()
                .name(trailName)
                .s3BucketName(bucket.bucketName)
                .kmsKeyId(keyArn)
                .isMultiRegionTrail(args.singleRegion().isEmpty())
                .includeGlobalServiceEvents(true)
                .enableLogFileValidation(true)
                .enableLogging(true)
                // The provider returns the bare log group ARN; CloudTrail accepts only the ":*" form.
                .cloudWatchLogsGroupArn(logGroup.arn().applyValue(AwsArns::logGroupForCloudTrail))
                .cloudWatchLogsRoleArn(role.arn())
                .advancedEventSelectors(bucket.bucketArn.applyValue(arn -> EventSelectors.of(args.dataEvents(), arn)))
                .tags(tags)
                .build();
    }

    /**
     * Returns the given key's ARN, failing it when the key is in another region than the stack,
     * because CloudTrail and CloudWatch Logs accept only a key of their own region. The stack's
     * region is known only once the provider answers, so this check runs inside {@code apply}, after
     * the other inputs were checked and the children registered.
     */
    private static Output<String> existingKeyInRegion(String name, String keyArn, AwsEnvironment aws) {
        String keyRegion = Arn.parse(keyArn).map(Arn::region).orElse("");
        return aws.region().applyValue(region -> {
            if (!region.equals(keyRegion)) {
                Validation.of("SecureAuditTrail", name).reject("kmsKeyArn", keyArn, "the key is in " + keyRegion
                        + " while the trail and its log group are in " + region + ", and CloudTrail and CloudWatch Logs "
                        + "accept only a key of their own region; pass a key of " + region + ".").throwIfInvalid();
            }
            return keyArn;
        });
    }

    private SecureKey ownKey(String name, SecureAuditTrailArgs args, AuditTrailPolicies policies) {
        SecureKeyArgs.Builder keyArgs = SecureKeyArgs.builder()
                .description("Encrypts log files and the log group of audit trail " + args.trailName().orElse(name))
                .grants(policies.keyGrants())
                .tags(args.tags());
        args.deleteOnDestroy().ifPresent(keyArgs::deleteOnDestroy);
        return new SecureKey(name, keyArgs.build(), ComponentResourceOptions.builder().parent(this).build());
    }

    private static SecureBucketArgs bucketArgs(SecureAuditTrailArgs args, Output<String> keyArn, AuditTrailPolicies policies) {
        SecureBucketArgs.Builder bucketArgs = SecureBucketArgs.builder()
                .kmsKeyArn(keyArn)
                // CloudTrail's key grant is conditioned on its own encryption context. An S3 Bucket Key
                // would replace that context with the bucket ARN, so CloudTrail could not encrypt.
                .bucketKeyEnabled(false)
                .addPolicyGrants(policies.bucketGrant())
                .tags(args.tags());
        args.deleteOnDestroy().ifPresent(bucketArgs::deleteOnDestroy);
        return bucketArgs.build();
    }

    private CustomResourceOptions childOptions(List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(this).dependsOn(dependsOn).build();
    }

    private void reportOptOuts(String name, SecureAuditTrailArgs args) {
        String component = "SecureAuditTrail \"" + name + "\"";
        args.deleteOnDestroy().ifPresent(j -> report(new SecurityOptOut("SP-AUDIT-RETAIN", component, "deleteOnDestroy",
                "The log bucket, every log file in it and the key are deleted on destroy.", j)));
        args.singleRegion().ifPresent(j -> report(new SecurityOptOut("SP-AUDIT-MULTI-REGION", component, "singleRegion",
                "Activity in other regions is not recorded.", j)));
    }

    private void report(SecurityOptOut optOut) {
        OptOutReporter.report(this, optOut);
    }
}
