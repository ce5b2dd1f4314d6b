package io.github.securepulumi.security.iam.catalog;

/**
 * The access level the AWS Service Authorization Reference assigns to an action.
 *
 * <p>The reference lists some tagging and permission actions as "Tagging, Write" or
 * "Permissions management, Write"; the catalog files them under {@link #TAGGING} and
 * {@link #PERMISSIONS_MANAGEMENT}, the more specific level.
 */
public enum AccessLevel {
    LIST('L', "List"),
    READ('R', "Read"),
    WRITE('W', "Write"),
    PERMISSIONS_MANAGEMENT('P', "Permissions management"),
    TAGGING('T', "Tagging");

    private final char code;
    private final String label;

    AccessLevel(char code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The level as the Service Authorization Reference names it, for example {@code Permissions management}. */
    public String label() {
        return label;
    }

    static AccessLevel fromCode(char code) {
        for (AccessLevel level : values()) {
            if (level.code == code) {
                return level;
            }
        }
        throw new IllegalStateException("the IAM catalog contains the unknown access level code '" + code + "'");
    }
}
