package io.github.securepulumi.core.internal;

import com.pulumi.Log;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.resources.InputArgs;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.test.internal.MockDeployment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The only place where securepulumi touches internal APIs of the Pulumi Java SDK (checked on
 * 1.36.1).
 *
 * <p>Pulumi does not expose which resources stand behind an input property, nor a logger outside
 * {@code Context}. Keeping every such call here means an SDK upgrade breaks one class, and
 * {@code PulumiInternalsTest} fails first.
 */
public final class PulumiInternals {

    private PulumiInternals() {
    }

    /**
     * Resolves the input properties of a resource's args to their {@code Output}s.
     *
     * <p>Only top-level properties are returned; {@link #resourcesBehindDeep} also searches the
     * {@code Output}s nested in their values.
     */
    public static CompletableFuture<Map<String, Output<?>>> inputProperties(ResourceArgs args) {
        return InputArgs.InputArgsInternal.from(args)
                .toMapAsync(Log.ignore())
                .thenApply(map -> Map.copyOf(map));
    }

    /** Returns the resources whose outputs flowed into an {@code Output}. */
    public static CompletableFuture<Set<Resource>> resourcesBehind(Output<?> output) {
        return Internal.of(output).getResources().thenApply(Set::copyOf);
    }

    /**
     * Returns the resources behind an {@code Output} and behind every {@code Output} nested in its
     * value: in args objects, lists and maps, such as a trail's event selectors built from a bucket ARN.
     */
    public static CompletableFuture<Set<Resource>> resourcesBehindDeep(Output<?> output) {
        return resourcesBehindDeep(List.of(output));
    }

    /** Returns the resources behind several {@code Output}s and the {@code Output}s nested in their values. */
    public static CompletableFuture<Set<Resource>> resourcesBehindDeep(Collection<Output<?>> outputs) {
        return nestedOutputsOfAll(List.copyOf(outputs))
                .thenCompose(all -> allOf(all, PulumiInternals::resourcesBehind))
                .thenApply(sets -> {
                    Set<Resource> all = new HashSet<>();
                    sets.forEach(all::addAll);
                    return all;
                });
    }

    /**
     * Returns an {@code Output} together with every {@code Output} nested in its value, at any depth
     * of args objects, lists and maps.
     */
    private static CompletableFuture<List<Output<?>>> withNestedOutputs(Output<?> output) {
        return valueOrNull(output).thenCompose(PulumiInternals::nestedOutputs).thenApply(nested -> {
            List<Output<?>> all = new ArrayList<>();
            all.add(output);
            all.addAll(nested);
            return all;
        });
    }

    private static CompletableFuture<List<Output<?>>> nestedOutputs(Object value) {
        if (value instanceof Output<?> output) {
            return withNestedOutputs(output);
        }
        if (value instanceof InputArgs args) {
            return InputArgs.InputArgsInternal.from(args).toMapAsync(Log.ignore())
                    .thenCompose(map -> nestedOutputsOfAll(List.copyOf(map.values())));
        }
        if (value instanceof Collection<?> collection) {
            return nestedOutputsOfAll(new ArrayList<>(collection));
        }
        if (value instanceof Map<?, ?> map) {
            return nestedOutputsOfAll(new ArrayList<>(map.values()));
        }
        return CompletableFuture.completedFuture(List.of());
    }

    private static CompletableFuture<List<Output<?>>> nestedOutputsOfAll(List<?> values) {
        return allOf(values, PulumiInternals::nestedOutputs).thenApply(lists -> {
            List<Output<?>> all = new ArrayList<>();
            lists.forEach(all::addAll);
            return all;
        });
    }

    /** Applies an asynchronous function to every item and waits for all results, in item order. */
    private static <T, R> CompletableFuture<List<R>> allOf(List<T> items, Function<T, CompletableFuture<R>> function) {
        List<CompletableFuture<R>> futures = items.stream().map(function).collect(Collectors.toList());
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> futures.stream().map(CompletableFuture::join).toList());
    }

    /** Returns whether an {@code Output} is marked secret. */
    public static CompletableFuture<Boolean> isSecret(Output<?> output) {
        return Internal.of(output).isSecret();
    }

    /** Returns the value of an {@code Output}, or {@code null} while it is unknown. */
    public static <T> CompletableFuture<T> valueOrNull(Output<T> output) {
        OutputInternal<T> internal = Internal.of(output);
        return internal.getValueNullable();
    }

    /** Returns the resources listed in a {@code dependsOn} option. */
    public static CompletableFuture<List<Resource>> dependsOn(Output<List<Resource>> dependsOn) {
        return Internal.of(dependsOn).getValueNullable()
                .thenApply(list -> list == null ? List.of() : List.copyOf(list));
    }

    /**
     * Sends a warning to the Pulumi engine, attached to a resource, so that {@code pulumi preview}
     * and {@code pulumi up} show it. Returns without logging when no deployment is running.
     */
    public static void warn(String message, Resource resource) {
        Optional<DeploymentInternal> deployment = DeploymentInternal.getInstanceOptional();
        if (deployment.isEmpty()) {
            return;
        }
        Optional<Log> log = logOf(deployment.get());
        log.ifPresent(l -> l.warn(message, resource));
    }

    private static Optional<Log> logOf(DeploymentInternal deployment) {
        if (deployment instanceof DeploymentImpl impl) {
            return Optional.of(impl.getLog());
        }
        if (deployment instanceof MockDeployment mock && mock.state.logger != null) {
            return Optional.of(new Log(mock.state.logger));
        }
        return Optional.empty();
    }

    /**
     * Finds the properties of a map of outputs that are secret or contain a secret. A
     * property counts as secret when any {@code Output} nested in it is, for example a Lambda
     * function's {@code environment} whose {@code variables} were built with {@code Output.ofSecret}.
     */
    public static CompletableFuture<Set<String>> secretProperties(Map<String, Output<?>> properties) {
        List<String> names = List.copyOf(properties.keySet());
        return allOf(names, name -> containsSecret(properties.get(name))).thenApply(flags -> {
            Set<String> secret = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                if (flags.get(i)) {
                    secret.add(names.get(i));
                }
            }
            return Set.copyOf(secret);
        });
    }

    /** Checks whether an {@code Output} is secret or contains a secret {@code Output} in its value. */
    private static CompletableFuture<Boolean> containsSecret(Output<?> output) {
        return withNestedOutputs(output).thenCompose(outputs -> allOf(outputs, PulumiInternals::isSecret))
                .thenApply(flags -> flags.contains(true));
    }
}
