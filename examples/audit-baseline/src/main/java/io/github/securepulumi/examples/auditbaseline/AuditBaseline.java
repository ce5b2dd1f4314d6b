package io.github.securepulumi.examples.auditbaseline;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.securepulumi.audit.SecureAuditTrail;
import io.github.securepulumi.audit.SecureAuditTrailArgs;
import java.util.function.Consumer;

/**
 * An account-wide audit baseline: one multi-region CloudTrail trail with its encrypted, access-logged
 * bucket, KMS key, CloudWatch log group and delivery role.
 *
 * <p>Run it for real with {@code pulumi up} in this folder, or offline with the preview command in
 * the repository's README.
 */
public final class AuditBaseline implements Consumer<Context> {

    /** Default retention of the log group when the stack sets no {@code logRetentionDays}. */
    static final int DEFAULT_RETENTION_DAYS = 365;

    /** Entry point that {@code pulumi up} runs through {@code mvn compile exec:java}. */
    public static void main(String[] args) {
        Pulumi.run(new AuditBaseline());
    }

    @Override
    public void accept(Context ctx) {
        int retentionDays = ctx.config().getInteger("logRetentionDays").orElse(DEFAULT_RETENTION_DAYS);

        var trail = new SecureAuditTrail("audit-baseline", SecureAuditTrailArgs.builder()
                .logRetentionDays(retentionDays)
                .putTags("owner", "platform-security")
                .putTags("stack", ctx.stackName())
                .build(), null);

        ctx.export("trailArn", trail.trailArn);
        ctx.export("bucketName", trail.bucketName);
        ctx.export("logGroupArn", trail.logGroupArn);
        ctx.export("kmsKeyArn", trail.kmsKeyArn);
        ctx.export("roleArn", trail.roleArn);
    }
}
