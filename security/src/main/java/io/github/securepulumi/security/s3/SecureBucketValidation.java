package io.github.securepulumi.security.s3;

import io.github.securepulumi.core.Tags;
import io.github.securepulumi.core.Validation;
import java.util.regex.Pattern;

/** Checks the inputs of a {@link SecureBucket} before anything is registered. */
final class SecureBucketValidation {

    /** S3 naming rules, without dots: 3 to 63 characters, lowercase letters, digits and hyphens. */
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private SecureBucketValidation() {
    }

    /** Returns the name unchanged, or raises every problem found in the args. */
    static String validated(String name, SecureBucketArgs args) {
        Validation validation = Validation.of("SecureBucket", name);
        args.bucketName().ifPresent(bucket -> checkBucketName(bucket, validation));
        positive(validation, "noncurrentVersionExpirationDays", args.noncurrentVersionExpirationDays());
        positive(validation, "abortIncompleteMultipartUploadDays", args.abortIncompleteMultipartUploadDays());
        positive(validation, "accessLogRetentionDays", args.accessLogRetentionDays());
        args.objectExpirationDays().ifPresent(days -> positive(validation, "objectExpirationDays", days));
        Tags.check("tags", args.tags(), validation);
        validation.justification("deleteOnDestroy", args.deleteOnDestroy());
        validation.justification("disableAccessLogging", args.disableAccessLogging());
        validation.throwIfInvalid();
        return name;
    }

    static void checkBucketName(String bucket, Validation validation) {
        if (bucket.contains(".")) {
            validation.reject("bucketName", bucket,
                    "dots break TLS certificate matching for virtual-hosted-style requests; use hyphens instead.");
        } else if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("--")) {
            validation.reject("bucketName", bucket,
                    "S3 bucket names are 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit; "
                            + "rename it or leave it unset to get a generated unique name.");
        } else if (bucket.startsWith("xn--") || bucket.startsWith("sthree-") || bucket.endsWith("-s3alias")
                || bucket.endsWith("--ol-s3") || bucket.endsWith("--x-s3")) {
            validation.reject("bucketName", bucket,
                    "S3 reserves the prefixes xn-- and sthree- and the suffixes -s3alias, --ol-s3 and --x-s3; choose another name.");
        }
    }

    private static void positive(Validation validation, String property, int days) {
        if (days < 1) {
            validation.reject(property, days, "S3 lifecycle rules need a whole number of days of at least 1; pass 1 or more.");
        }
    }
}
