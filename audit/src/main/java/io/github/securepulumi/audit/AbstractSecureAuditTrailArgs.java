package io.github.securepulumi.audit;

import io.github.securepulumi.core.args.SecureStyle;
import io.github.securepulumi.core.aws.CloudWatchLogs;
import io.github.securepulumi.core.optout.Justification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Inputs of a {@link SecureAuditTrail}; build them with {@code SecureAuditTrailArgs.builder()}.
 * Every input is optional.
 */
@Value.Immutable
@SecureStyle
public abstract class AbstractSecureAuditTrailArgs {

    /** The retention periods CloudWatch Logs accepts, in days. */
    public static final List<Integer> VALID_RETENTION_DAYS = CloudWatchLogs.RETENTION_DAYS;

    /**
     * Name of the trail: 3 to 128 letters, digits, periods, underscores and dashes, starting and
     * ending with a letter or digit.
     *
     * <p>Default: the component's name. The log group is named {@code /aws/cloudtrail/<trailName>}.
     */
    public abstract Optional<String> trailName();

    /**
     * Days CloudWatch Logs keeps the trail's events; one of {@link #VALID_RETENTION_DAYS}.
     *
     * <p>Default: 365. A year covers the look-back most incident investigations and audits ask for,
     * while the S3 copy keeps everything for longer. Longer retention costs more storage.
     */
    @Value.Default
    public int logRetentionDays() {
        return 365;
    }

    /**
     * Data events to record in addition to all management events.
     *
     * <p>Default: none, because data events are billed per event. Management events (every API call
     * that creates, changes or deletes a resource) are always recorded.
     */
    public abstract List<DataEvents> dataEvents();

    /**
     * ARN of an existing customer managed key to encrypt log files and the log group, in the form
     * {@code arn:PARTITION:kms:REGION:ACCOUNT:key/ID}.
     *
     * <p>Default: absent, so the trail creates its own {@code SecureKey} whose policy allows exactly
     * this trail and this log group. An existing key's policy is not changed: it must already let
     * {@code cloudtrail.amazonaws.com} call {@code kms:GenerateDataKey} and {@code kms:DescribeKey} for
     * this trail, and {@code logs.REGION.amazonaws.com} use the key for this log group. An alias ARN is
     * rejected because CloudWatch Logs accepts only a key ARN. A key in another region than the stack
     * fails the deployment once the region is known, because neither service uses such a key.
     */
    public abstract Optional<String> kmsKeyArn();

    /** Tags added to every resource, after the tags securepulumi sets itself. Default: none. */
    public abstract Map<String, String> tags();

    /**
     * Opt-out: deletes the log bucket, its objects and the key when the stack is destroyed, with the
     * reason why.
     *
     * <p>Default: absent, so the bucket and key are retained on {@code pulumi destroy}, because audit
     * logs must outlive the stack that produced them. Setting it is reported as a security opt-out.
     */
    public abstract Optional<Justification> deleteOnDestroy();

    /**
     * Opt-out: records only the region of the AWS provider, with the reason why.
     *
     * <p>Default: absent, so the trail is multi-region: an attacker who works in a region you do not
     * use is still recorded. Setting it is reported as a security opt-out.
     */
    public abstract Optional<Justification> singleRegion();
}
