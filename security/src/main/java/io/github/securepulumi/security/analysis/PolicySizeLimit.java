package io.github.securepulumi.security.analysis;

/**
 * The maximum size AWS accepts for a policy document, in characters. IAM does not count white space.
 *
 * <p>NOTE: the values are the default quotas (before any increase) as AWS documents them in "IAM and
 * AWS STS quotas" (docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html) and in the S3
 * and KMS quotas; they were not checked against a live account. Update them here if AWS changes a
 * quota.
 */
public enum PolicySizeLimit {
    /** A customer managed policy: 6,144 characters. */
    MANAGED_POLICY(6_144, "a customer managed policy"),
    /** All inline policies of one role together: 10,240 characters. */
    INLINE_ROLE_POLICIES(10_240, "a role's inline policies together"),
    /** All inline policies of one user together: 2,048 characters. */
    INLINE_USER_POLICIES(2_048, "a user's inline policies together"),
    /** All inline policies of one group together: 5,120 characters. */
    INLINE_GROUP_POLICIES(5_120, "a group's inline policies together"),
    /** A role's trust policy: 2,048 characters by default, raisable to 4,096 with a quota increase. */
    ROLE_TRUST_POLICY(2_048, "a role trust policy"),
    /** An S3 bucket policy: 20 KB. */
    S3_BUCKET_POLICY(20_480, "an S3 bucket policy"),
    /** A KMS key policy: 32 KB. */
    KMS_KEY_POLICY(32_768, "a KMS key policy");

    private final int maxCharacters;
    private final String description;

    PolicySizeLimit(int maxCharacters, String description) {
        this.maxCharacters = maxCharacters;
        this.description = description;
    }

    /** What the limit applies to, for messages, for example {@code a role trust policy}. */
    public String description() {
        return description;
    }

    /** The limit in characters, white space not counted. */
    public int maxCharacters() {
        return maxCharacters;
    }

    /** Counts the characters of a policy document as IAM does, skipping white space. */
    public static int sizeOf(String json) {
        int size = 0;
        for (int i = 0; i < json.length(); i++) {
            if (!Character.isWhitespace(json.charAt(i))) {
                size++;
            }
        }
        return size;
    }
}
