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
        return resourcesBehind(output).thenCombine(
                valueOrNull(output).thenCompose(PulumiInternals::resourcesInValue), PulumiInternals::union);
    }

    private static CompletableFuture<Set<Resource>> resourcesInValue(Object value) {
        if (value instanceof Output<?> output) {
            return resourcesBehindDeep(output);
        }
        if (value instanceof InputArgs args) {
            return InputArgs.InputArgsInternal.from(args).toMapAsync(Log.ignore())
                    .thenCompose(map -> resourcesInAll(List.copyOf(map.values())));
        }
        if (value instanceof Collection<?> collection) {
            return resourcesInAll(new ArrayList<>(collection));
        }
        if (value instanceof Map<?, ?> map) {
            return resourcesInAll(new ArrayList<>(map.values()));
        }
        return CompletableFuture.completedFuture(Set.of());
    }

    private static CompletableFuture<Set<Resource>> resourcesInAll(List<?> values) {
        List<CompletableFuture<Set<Resource>>> lookups = values.stream()
                .map(PulumiInternals::resourcesInValue)
                .collect(Collectors.toList());
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> lookups.stream()
                        .map(CompletableFuture::join)
                        .reduce(Set.of(), PulumiInternals::union));
    }

    private static Set<Resource> union(Set<Resource> first, Set<Resource> second) {
        Set<Resource> all = new HashSet<>(first);
        all.addAll(second);
        return all;
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
        List<CompletableFuture<Optional<String>>> checks = properties.entrySet().stream()
                .map(e -> containsSecret(e.getValue())
                        .thenApply(secret -> secret ? Optional.of(e.getKey()) : Optional.<String>empty()))
                .collect(Collectors.toList());
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> checks.stream()
                        .map(CompletableFuture::join)
                        .flatMap(Optional::stream)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /** Checks whether an {@code Output} is secret or contains a secret {@code Output} in its value. */
    private static CompletableFuture<Boolean> containsSecret(Output<?> output) {
        return isSecret(output).thenCompose(secret -> secret
                ? CompletableFuture.completedFuture(true)
                : valueOrNull(output).thenCompose(PulumiInternals::valueContainsSecret));
    }

    /** Searches nested args objects, lists and maps for a secret {@code Output}. */
    private static CompletableFuture<Boolean> valueContainsSecret(Object value) {
        if (value instanceof Output<?> output) {
            return containsSecret(output);
        }
        if (value instanceof InputArgs args) {
            return InputArgs.InputArgsInternal.from(args).toMapAsync(Log.ignore())
                    .thenCompose(map -> anyContainsSecret(List.copyOf(map.values())));
        }
        if (value instanceof Collection<?> collection) {
            return anyContainsSecret(new ArrayList<>(collection));
        }
        if (value instanceof Map<?, ?> map) {
            return anyContainsSecret(new ArrayList<>(map.values()));
        }
        return CompletableFuture.completedFuture(false);
    }

    private static CompletableFuture<Boolean> anyContainsSecret(List<?> values) {
        List<CompletableFuture<Boolean>> checks = values.stream()
                .map(PulumiInternals::valueContainsSecret)
                .collect(Collectors.toList());
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> checks.stream().anyMatch(CompletableFuture::join));
    }
}
