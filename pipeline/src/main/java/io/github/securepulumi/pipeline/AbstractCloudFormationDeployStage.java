package io.github.securepulumi.pipeline;

import io.github.securepulumi.core.args.SecureStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * A deploy stage that creates a CloudFormation change set from a template in an artifact, then
 * executes it. Build it with {@code CloudFormationDeployStage.builder()}.
 *
 * <p>Two roles are created for the stage. CloudFormation assumes the deployment role to change the
 * stack's resources, and that role may do exactly what {@link #permissions()} lists. The pipeline
 * assumes the action role to create and execute change sets of this stack only, and the action role
 * may pass only the deployment role, only to CloudFormation.
 */
@Value.Immutable
@SecureStyle
public abstract class AbstractCloudFormationDeployStage implements PipelineStage {

    /** Stage name. Default: {@code Deploy-} and the stack name. */
    @Override
    @Value.Default
    public String name() {
        return "Deploy-" + stackName();
    }

    /** CloudFormation stack to create or update: a letter, then letters, digits and hyphens, at most 128; required. */
    public abstract String stackName();

    /** Artifact that contains the template. Default: {@code BuildOutput}, the default build stage's output. */
    @Override
    @Value.Default
    public String inputArtifact() {
        return "BuildOutput";
    }

    /** Path of the template inside the artifact, such as {@code template.yaml}; required. */
    public abstract String templatePath();

    /**
     * Capabilities the change set acknowledges: {@code CAPABILITY_IAM}, {@code CAPABILITY_NAMED_IAM}
     * or {@code CAPABILITY_AUTO_EXPAND}.
     *
     * <p>Default: none, so a template that creates IAM resources or uses macros fails until you
     * acknowledge it here.
     */
    public abstract List<String> capabilities();

    /**
     * Statements of the deployment role's policy, which define what CloudFormation may do when it deploys
     * the stack. Required: at least one, and there is no default, because only you know what the
     * template deploys; a broad default would hand CloudFormation more than it needs. Every action is
     * named in full and no statement applies to {@code *}.
     */
    public abstract List<DeployPermission> permissions();

    /** Whether a person must approve before the change set is created. Default: {@code false}. */
    @Value.Default
    public boolean manualApproval() {
        return false;
    }

    /** Name of the change set. Default: {@code securepulumi-pipeline}. */
    @Value.Default
    public String changeSetName() {
        return "securepulumi-pipeline";
    }
}
