package io.github.securepulumi.security.s3;

import com.pulumi.core.Output;
import io.github.securepulumi.core.args.SecureStyle;
import io.github.securepulumi.core.optout.Justification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Inputs of a {@link SecureBucket}; build them with {@code SecureBucketArgs.builder()}.
 */
@Value.Immutable
@SecureStyle
public abstract class AbstractSecureBucketArgs {

    /**
     * Physical bucket name, 3 to 63 lowercase letters, digits and hyphens.
     *
     * <p>Default: absent, so Pulumi derives a unique name from the component name plus a random
     * suffix. Bucket names are global across all AWS accounts, so a fixed name can collide and can
     * be claimed by someone else after the bucket is deleted. Dots are rejected because they break
     * TLS certificate matching for virtual-hosted-style HTTPS requests.
     */
    public abstract Optional<String> bucketName();

    /**
     * ARN of the KMS key that encrypts objects at rest (SSE-KMS with an S3 bucket key).
     *
     * <p>Default: absent, so the bucket creates its own {@code SecureKey} that principals of this
     * account may use only through S3 ({@code kms:ViaService}). A customer managed key, unlike SSE-S3,
     * lets you audit and restrict every decryption.
     */
    public abstract Optional<Output<String>> kmsKeyArn();

    /**
     * Whether SSE-KMS uses an S3 Bucket Key, which caches a bucket-level data key.
     *
     * <p>Default: {@code true}, which cuts KMS requests (and their cost) by up to 99%. The trade-off:
     * KMS receives the bucket ARN as encryption context instead of each object's, so key-policy conditions
     * on a writer's own encryption context (such as CloudTrail's) no longer match. Turn it off for
     * buckets written by such a service.
     */
    @Value.Default
    public boolean bucketKeyEnabled() {
        return true;
    }

    /**
     * Statements that the owning component adds to the bucket policy.
     *
     * <p>Default: none. The policy always contains a statement that denies every request not sent
     * over TLS, whatever the grants.
     */
    public abstract List<BucketPolicyGrant> policyGrants();

    /**
     * Days after which a non-current object version is deleted.
     *
     * <p>Default: 90. Versioning keeps overwritten and deleted objects recoverable; the limit keeps
     * storage cost bounded. Raise it if you must recover older versions.
     */
    @Value.Default
    public int noncurrentVersionExpirationDays() {
        return 90;
    }

    /**
     * Days after which current objects expire.
     *
     * <p>Default: absent, so objects are kept until someone deletes them, because audit data must not
     * disappear silently. Setting it trades retention for storage cost.
     */
    public abstract Optional<Integer> objectExpirationDays();

    /**
     * Days after which an incomplete multipart upload is aborted and its parts deleted.
     *
     * <p>Default: 7. Parts of abandoned uploads are invisible in listings but billed.
     */
    @Value.Default
    public int abortIncompleteMultipartUploadDays() {
        return 7;
    }

    /**
     * Days the server access logs of this bucket are kept in the access-log bucket.
     *
     * <p>Default: 365, long enough for a yearly review of who read the bucket.
     */
    @Value.Default
    public int accessLogRetentionDays() {
        return 365;
    }

    /** Tags added to every resource, after the tags securepulumi sets itself. Default: none. */
    public abstract Map<String, String> tags();

    /**
     * Opt-out: deletes the bucket and every object in it when the stack is destroyed, with the
     * reason why.
     *
     * <p>Default: absent, so the bucket and its access-log bucket are retained on
     * {@code pulumi destroy} and never emptied by Pulumi. Setting it also sets {@code forceDestroy},
     * and is reported as a security opt-out.
     */
    public abstract Optional<Justification> deleteOnDestroy();

    /**
     * Opt-out: turns server access logging off, with the reason why.
     *
     * <p>Default: absent, so every request to the bucket is logged to a separate access-log bucket,
     * which is how you find out who read the data. Setting it is reported as a security opt-out.
     */
    public abstract Optional<Justification> disableAccessLogging();
}
