package io.github.securepulumi.security.iam.catalog;

/** The value type of a condition key, which decides the condition operators that apply to it. */
public enum ConditionKeyType {
    STRING("String"),
    ARN("ARN"),
    BOOL("Bool"),
    DATE("Date"),
    IP_ADDRESS("IPAddress"),
    NUMERIC("Numeric"),
    BINARY("Binary"),
    ARRAY_OF_STRING("ArrayOfString"),
    ARRAY_OF_ARN("ArrayOfARN"),
    ARRAY_OF_BOOL("ArrayOfBool"),
    ARRAY_OF_DATE("ArrayOfDate"),
    ARRAY_OF_NUMERIC("ArrayOfNumeric"),
    ARRAY_OF_IP_ADDRESS("ArrayOfIPAddress");

    private final String label;

    ConditionKeyType(String label) {
        this.label = label;
    }

    /** The type as the Service Authorization Reference writes it, for example {@code ArrayOfString}. */
    public String label() {
        return label;
    }

    /** Whether a request may carry several values for the key, so that set operators apply. */
    public boolean isArray() {
        return label.startsWith("ArrayOf");
    }

    /** The type of one element: {@code STRING} for {@code ARRAY_OF_STRING}, the type itself otherwise. */
    public ConditionKeyType elementType() {
        return isArray() ? fromLabel(label.substring("ArrayOf".length())) : this;
    }

    /** Finds a type by its reference label, for example {@code IPAddress}. */
    public static ConditionKeyType fromLabel(String label) {
        for (ConditionKeyType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        throw new IllegalStateException("the IAM catalog contains the unknown condition key type \"" + label + "\"");
    }
}
