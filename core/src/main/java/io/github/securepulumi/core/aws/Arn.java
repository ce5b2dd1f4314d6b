package io.github.securepulumi.core.aws;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Amazon Resource Name, split into its six fields.
 *
 * <p>The format is {@code arn:partition:service:region:account-id:resource}. The resource field
 * may itself contain colons and slashes, for example {@code log-group:NAME:*}; it is kept whole.
 *
 * @param partition the partition, for example {@code aws}
 * @param service   the service namespace, for example {@code logs}
 * @param region    the region, empty for global services such as IAM and S3
 * @param account   the 12-digit account id, empty for S3 buckets
 * @param resource  everything after the fifth colon
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    public Arn {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(resource, "resource");
    }

    /** Builds an ARN in the given partition. */
    public static Arn of(Partition partition, String service, String region, String account, String resource) {
        return new Arn(partition.id(), service, region, account, resource);
    }

    /**
     * Parses an ARN.
     *
     * @return the ARN, or empty when the text does not have six colon-separated fields starting with
     *     {@code arn:} and a known partition
     */
    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] fields = text.split(":", 6);
        if (fields.length < 6 || Partition.fromId(fields[1]).isEmpty() || fields[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(fields[1], fields[2], fields[3], fields[4], fields[5]));
    }

    /** Whether a string is a 12-digit AWS account id. */
    public static boolean isAccountId(String text) {
        return text != null && ACCOUNT_ID.matcher(text).matches();
    }

    /** The partition as an enum constant. */
    public Partition partitionEnum() {
        return Partition.fromId(partition).orElseThrow();
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
