package io.github.securepulumi.security.kms;

import io.github.securepulumi.core.args.SecureStyle;
import io.github.securepulumi.core.optout.Justification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Inputs of a {@link SecureKey}; build them with {@code SecureKeyArgs.builder()}.
 */
@Value.Immutable
@SecureStyle
public abstract class AbstractSecureKeyArgs {

    /** Minimum deletion window that KMS accepts, in days. */
    public static final int MIN_DELETION_WINDOW_DAYS = 7;

    /** Maximum deletion window that KMS accepts, in days. */
    public static final int MAX_DELETION_WINDOW_DAYS = 30;

    /**
     * Description stored on the key.
     *
     * <p>Default: {@code "Customer managed key created by securepulumi"}.
     */
    @Value.Default
    public String description() {
        return "Customer managed key created by securepulumi";
    }

    /**
     * Days between a deletion request and the key's deletion, between 7 and 30.
     *
     * <p>Default: 30, the longest window KMS allows. A key cannot be recovered after deletion and
     * everything it encrypted becomes unreadable, so the default leaves the most time to cancel a
     * mistaken deletion. There is no cost to a longer window.
     */
    @Value.Default
    public int deletionWindowInDays() {
        return MAX_DELETION_WINDOW_DAYS;
    }

    /**
     * Principals allowed to use the key, one key-policy statement each.
     *
     * <p>Default: none, so only the key administrators can use the key. Grants to AWS services must
     * be conditioned on {@code aws:SourceAccount}, {@code aws:SourceArn} or an encryption context.
     */
    public abstract List<KeyGrant> grants();

    /**
     * ARNs of the principals that administer the key (describe, tag, rotate, change the policy,
     * schedule deletion). They cannot encrypt or decrypt unless a grant allows it.
     *
     * <p>Default: empty, meaning the account root {@code arn:PARTITION:iam::ACCOUNT:root}, which
     * delegates key administration to the account's IAM policies. KMS refuses a key policy that
     * would lock every administrator out, so at least one administrator is always present.
     */
    public abstract List<String> administratorArns();

    /** Tags added to the key, after the tags securepulumi sets itself. Default: none. */
    public abstract Map<String, String> tags();

    /**
     * Opt-out: schedules the key for deletion when the stack is destroyed, with the reason why.
     *
     * <p>Default: absent, so the key is retained on {@code pulumi destroy} (the {@code retainOnDelete}
     * resource option) because data it encrypted, such as audit logs, must stay readable. Setting it
     * is reported as a security opt-out.
     */
    public abstract Optional<Justification> deleteOnDestroy();
}
