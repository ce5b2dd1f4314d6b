package io.github.securepulumi.security.analysis;

import io.github.securepulumi.security.iam.catalog.ConditionKeyType;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A condition operator of the IAM policy language, without the {@code ForAllValues:} or
 * {@code ForAnyValue:} prefix and the {@code IfExists} suffix.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING),
    STRING_LIKE("StringLike", Family.STRING),
    STRING_NOT_LIKE("StringNotLike", Family.STRING),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC),
    DATE_EQUALS("DateEquals", Family.DATE),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE),
    DATE_LESS_THAN("DateLessThan", Family.DATE),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE),
    BOOL("Bool", Family.BOOL),
    BINARY_EQUALS("BinaryEquals", Family.BINARY),
    IP_ADDRESS("IpAddress", Family.IP_ADDRESS),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP_ADDRESS),
    ARN_EQUALS("ArnEquals", Family.ARN),
    ARN_LIKE("ArnLike", Family.ARN),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN),
    NULL("Null", Family.NULL);

    /** The kinds of value an operator compares. */
    enum Family {
        // AWS accepts String operators on ARN keys (aws:SourceArn with StringEquals is common), and
        // ARN operators on String keys that hold ARNs (kms:EncryptionContext:aws:logs:arn with
        // ArnEquals is in the CloudWatch Logs documentation).
        STRING(EnumSet.of(ConditionKeyType.STRING, ConditionKeyType.ARN)),
        ARN(EnumSet.of(ConditionKeyType.ARN, ConditionKeyType.STRING)),
        NUMERIC(EnumSet.of(ConditionKeyType.NUMERIC)),
        DATE(EnumSet.of(ConditionKeyType.DATE)),
        BOOL(EnumSet.of(ConditionKeyType.BOOL)),
        BINARY(EnumSet.of(ConditionKeyType.BINARY)),
        IP_ADDRESS(EnumSet.of(ConditionKeyType.IP_ADDRESS)),
        NULL(EnumSet.allOf(ConditionKeyType.class));

        final Set<ConditionKeyType> keyTypes;

        Family(Set<ConditionKeyType> keyTypes) {
            this.keyTypes = keyTypes;
        }
    }

    private final String label;
    private final Family family;

    ConditionOperator(String label, Family family) {
        this.label = label;
        this.family = family;
    }

    /** The operator as a policy writes it, for example {@code StringEquals}. */
    public String label() {
        return label;
    }

    Family family() {
        return family;
    }

    /** Whether the operator can compare values of a key of this type. */
    public boolean accepts(ConditionKeyType keyType) {
        return family.keyTypes.contains(keyType.elementType());
    }

    /** An operator as written in a policy, split into its parts. */
    public record Parsed(String setPrefix, ConditionOperator operator, boolean ifExists) {
    }

    /**
     * Parses an operator as written, for example {@code ForAnyValue:StringLikeIfExists}.
     *
     * @return the parts, or empty when the base operator is unknown or {@code Null} carries a suffix
     */
    public static Optional<Parsed> parse(String text) {
        String rest = text;
        String setPrefix = null;
        for (String prefix : new String[] {"ForAllValues:", "ForAnyValue:"}) {
            if (rest.startsWith(prefix)) {
                setPrefix = prefix.substring(0, prefix.length() - 1);
                rest = rest.substring(prefix.length());
            }
        }
        boolean ifExists = rest.endsWith("IfExists");
        if (ifExists) {
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        for (ConditionOperator operator : values()) {
            if (operator.label.equals(rest)) {
                if (operator == NULL && (ifExists || setPrefix != null)) {
                    return Optional.empty();
                }
                return Optional.of(new Parsed(setPrefix, operator, ifExists));
            }
        }
        return Optional.empty();
    }
}
