package io.github.securepulumi.pipeline;

import io.github.securepulumi.core.args.SecureStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Inputs of a {@link SecurePipeline}; build them with {@code SecurePipelineArgs.builder()}. The
 * source and at least one stage are required.
 */
@Value.Immutable
@SecureStyle
public abstract class AbstractSecurePipelineArgs {

    /**
     * Name of the pipeline: 1 to 100 letters, digits and {@code . @ - _}.
     *
     * <p>Default: the component's name. Project, role and log group names start with it.
     */
    public abstract Optional<String> pipelineName();

    /** Source of the pipeline; required. The source stage is always the first stage. */
    public abstract PipelineSource source();

    /**
     * Push filters of the pipeline's trigger, at most 3. Only sources reached through a connection
     * support them.
     *
     * <p>Default: none, so every push to the source's branch starts the pipeline.
     */
    public abstract List<PushFilter> pushFilters();

    /**
     * Stages after the source, in order: {@link BuildStage}s, {@link PulumiDeployStage}s and
     * {@link CloudFormationDeployStage}s. Required: at least one, because a pipeline that only
     * fetches its source does nothing.
     */
    public abstract List<PipelineStage> stages();

    /**
     * Days the log group of each stage keeps build logs; one of the values CloudWatch Logs accepts.
     *
     * <p>Default: 365. A year of build and deployment logs covers most audits of who deployed what;
     * longer retention costs more storage.
     */
    @Value.Default
    public int logRetentionDays() {
        return 365;
    }

    /** Tags added to every resource, after the tags securepulumi sets itself. Default: none. */
    public abstract Map<String, String> tags();
}
