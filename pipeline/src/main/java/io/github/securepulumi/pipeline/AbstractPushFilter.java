package io.github.securepulumi.pipeline;

import io.github.securepulumi.core.args.SecureStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * One push filter of the pipeline's trigger: which pushes start the pipeline. Build it with
 * {@code PushFilter.builder()}; patterns are glob patterns such as {@code release/**}.
 *
 * <p>CodePipeline accepts three combinations in one filter: tags only, branches only, or branches
 * with file paths. Each include or exclude list holds 1 to 8 patterns. Every list defaults to empty,
 * which means it does not restrict the filter.
 */
@Value.Immutable
@SecureStyle
public abstract class AbstractPushFilter {

    /** Branches whose pushes start the pipeline. */
    public abstract List<String> branchesInclude();

    /** Branches whose pushes never start the pipeline. */
    public abstract List<String> branchesExclude();

    /** File paths: a push starts the pipeline only if it changes one of them. */
    public abstract List<String> filePathsInclude();

    /** File paths whose changes alone never start the pipeline. */
    public abstract List<String> filePathsExclude();

    /** Git tags whose push starts the pipeline. */
    public abstract List<String> tagsInclude();

    /** Git tags whose push never starts the pipeline. */
    public abstract List<String> tagsExclude();

    boolean hasBranches() {
        return !branchesInclude().isEmpty() || !branchesExclude().isEmpty();
    }

    boolean hasFilePaths() {
        return !filePathsInclude().isEmpty() || !filePathsExclude().isEmpty();
    }

    boolean hasTags() {
        return !tagsInclude().isEmpty() || !tagsExclude().isEmpty();
    }
}
