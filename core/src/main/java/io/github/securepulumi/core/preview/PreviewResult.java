package io.github.securepulumi.core.preview;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one offline preview run.
 *
 * @param graph   the resources registered; empty when the program failed before registering any
 * @param failure the exception the program raised, unwrapped from Pulumi's wrappers, if any
 * @param errors  error messages logged to the Pulumi engine
 */
public record PreviewResult(ResourceGraph graph, Optional<Throwable> failure, List<String> errors) {

    public PreviewResult {
        errors = List.copyOf(errors);
    }

    /** Whether the program ran to the end with no exception and no logged error. */
    public boolean succeeded() {
        return failure.isEmpty() && errors.isEmpty();
    }

    /**
     * Returns the graph of a successful run.
     *
     * @throws PreviewFailedException carrying the program's failure or logged errors
     */
    public ResourceGraph graphOrThrow() {
        if (succeeded()) {
            return graph;
        }
        String message = failure.map(Throwable::getMessage).orElseGet(() -> String.join("; ", errors));
        throw new PreviewFailedException("the program failed in the offline preview: " + message, failure.orElse(null));
    }
}
