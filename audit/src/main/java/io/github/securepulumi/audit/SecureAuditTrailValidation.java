package io.github.securepulumi.audit;

import io.github.securepulumi.core.Tags;
import io.github.securepulumi.core.Validation;
import io.github.securepulumi.core.aws.Arn;
import io.github.securepulumi.core.aws.CloudWatchLogs;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks the inputs of a {@link SecureAuditTrail} before anything is registered. */
final class SecureAuditTrailValidation {

    /** CloudTrail's naming rule, apart from the adjacency and IP-address rules checked separately. */
    private static final Pattern TRAIL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]");
    private static final Pattern ADJACENT_SEPARATORS = Pattern.compile("[._-]{2}");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern KEY_RESOURCE = Pattern.compile("key/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "|key/mrk-[0-9a-f]{32}");
    private static final Pattern LAMBDA_RESOURCE = Pattern.compile("function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?");

    private SecureAuditTrailValidation() {
    }

    /** Returns the name unchanged, or raises every problem found in the args. */
    static String validated(String name, SecureAuditTrailArgs args) {
        Validation validation = Validation.of("SecureAuditTrail", name);
        checkTrailName(args.trailName().orElse(name), args.trailName().isPresent() ? "trailName" : "trailName (default: the component name)", validation);
        CloudWatchLogs.checkRetention("logRetentionDays", args.logRetentionDays(), validation);
        args.kmsKeyArn().ifPresent(arn -> checkKeyArn(arn, validation));
        for (int i = 0; i < args.dataEvents().size(); i++) {
            checkDataEvents("dataEvents[" + i + "]", args.dataEvents().get(i), validation);
        }
        Tags.check("tags", args.tags(), validation);
        validation.justification("deleteOnDestroy", args.deleteOnDestroy());
        validation.justification("singleRegion", args.singleRegion());
        validation.throwIfInvalid();
        return name;
    }

    private static void checkTrailName(String trailName, String property, Validation validation) {
        if (!TRAIL_NAME.matcher(trailName).matches()) {
            validation.reject(property, trailName,
                    "CloudTrail names are 3 to 128 letters, digits, periods, underscores and dashes, starting and ending "
                            + "with a letter or digit; rename it, for example to \"org-audit-trail\".");
        } else if (ADJACENT_SEPARATORS.matcher(trailName).find()) {
            validation.reject(property, trailName,
                    "CloudTrail rejects names with two adjacent periods, underscores or dashes; keep one separator between words.");
        } else if (IP_ADDRESS.matcher(trailName).matches()) {
            validation.reject(property, trailName, "CloudTrail rejects names in IP address format; choose a descriptive name.");
        }
    }

    private static void checkKeyArn(String arn, Validation validation) {
        Optional<Arn> parsed = Arn.parse(arn);
        if (parsed.isEmpty()) {
            validation.reject("kmsKeyArn", arn,
                    "it is not an ARN; pass a key ARN such as arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab.");
        } else if (!parsed.get().service().equals("kms")) {
            validation.reject("kmsKeyArn", arn,
                    "it is an ARN of service \"" + parsed.get().service() + "\", not kms; pass the ARN of a KMS key.");
        } else if (!KEY_RESOURCE.matcher(parsed.get().resource()).matches()) {
            validation.reject("kmsKeyArn", arn,
                    "CloudWatch Logs accepts only a key ARN ending in key/<key-id>, not an alias or other KMS resource; "
                            + "pass the key's ARN.");
        } else if (!Arn.isAccountId(parsed.get().account()) || parsed.get().region().isEmpty()) {
            validation.reject("kmsKeyArn", arn, "a key ARN names its region and 12-digit account; pass the full ARN.");
        }
    }

    private static void checkDataEvents(String property, DataEvents events, Validation validation) {
        for (String arn : events.arns()) {
            Optional<Arn> parsed = Arn.parse(arn);
            boolean valid = switch (events.type()) {
                case S3_OBJECT -> parsed.filter(a -> a.service().equals("s3") && a.region().isEmpty()
                        && a.account().isEmpty() && !a.resource().isEmpty() && !a.resource().contains("/")).isPresent();
                case LAMBDA_FUNCTION -> parsed.filter(a -> a.service().equals("lambda")
                        && LAMBDA_RESOURCE.matcher(a.resource()).matches()).isPresent();
            };
            if (!valid) {
                String expected = events.type() == DataEvents.ResourceType.S3_OBJECT
                        ? "a bucket ARN such as arn:aws:s3:::my-bucket (no object key)"
                        : "a function ARN such as arn:aws:lambda:us-east-1:123456789012:function:my-function";
                validation.reject(property, arn, "it is not " + expected + "; pass one.");
            }
        }
    }
}
