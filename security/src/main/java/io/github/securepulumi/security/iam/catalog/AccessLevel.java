package io.github.securepulumi.security.iam.catalog;

/**
 * The access level the AWS Service Authorization Reference assigns to an action.
 *
 * <p>The reference lists some tagging and permission actions as "Tagging, Write" or
 * "Permissions management, Write"; the catalog files them under {@link #TAGGING} and
 * {@link #PERMISSIONS_MANAGEMENT}, the more specific level.
 */
public enum AccessLevel {
    LIST("List"),
    READ("Read"),
    WRITE("Write"),
    PERMISSIONS_MANAGEMENT("Permissions management"),
    TAGGING("Tagging");

    private final String label;

    AccessLevel(String label) {
        this.label = label;
    }

    /** The level as the Service Authorization Reference names it, for example {@code Permissions management}. */
    public String label() {
        return label;
    }

    /** Reads the one-letter code that tools/iam-catalog/generate.mjs writes for each level. */
    static AccessLevel fromCode(char code) {
        switch (code) {
            case 'L':
                return LIST;
            case 'R':
                return READ;
            case 'W':
                return WRITE;
            case 'P':
                return PERMISSIONS_MANAGEMENT;
            case 'T':
                return TAGGING;
            default:
                break;
        }
        throw new IllegalStateException("the IAM catalog contains the unknown access level code '" + code + "'");
    }
}
