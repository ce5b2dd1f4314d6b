package io.github.securepulumi.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * One {@code Allow} statement of a deployment role: what the deployment may do in AWS.
 *
 * <p>Every action is named in full (no wildcards) and every resource is an ARN or an ARN pattern
 * such as {@code arn:aws:s3:::my-app-*}; a bare {@code *} resource is rejected, so no statement
 * grants an action on every resource of the account.
 *
 * @param sid       statement id, letters and digits only
 * @param actions   IAM actions, for example {@code lambda:UpdateFunctionCode}
 * @param resources ARNs or ARN patterns the actions apply to
 */
public record DeployPermission(String sid, List<String> actions, List<String> resources) {

    public DeployPermission {
        Objects.requireNonNull(sid, "sid");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    /** Creates a statement. */
    public static DeployPermission of(String sid, List<String> actions, List<String> resources) {
        return new DeployPermission(sid, actions, resources);
    }
}
