package io.github.securepulumi.core.internal;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import io.github.securepulumi.core.preview.ResourceNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A stack transformation that records every resource the program registers, without changing it.
 *
 * <p>The transformation receives each resource's options (parent, {@code dependsOn}) and args, from which
 * it reads the resources behind every input property. Those lookups finish asynchronously; call
 * {@link #nodes} after the program has run to collect them.
 */
public final class GraphRecorder implements ResourceTransformation {

    /** How long to wait for one recorded lookup after the program ended, when it should be done. */
    private static final long LOOKUP_TIMEOUT_SECONDS = 30;

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private record Registration(
            Resource resource,
            Optional<Resource> parent,
            boolean component,
            CompletableFuture<List<Resource>> dependsOn,
            CompletableFuture<Set<Resource>> implied,
            CompletableFuture<Set<String>> secretProperties,
            boolean retainOnDelete,
            boolean protect) {
    }

    private final ConcurrentLinkedQueue<Registration> registrations = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> declaredSecretOutputsByKey = new ConcurrentHashMap<>();

    @Override
    public Optional<Result> apply(Args args) {
        Resource resource = args.resource();
        if (STACK_TYPE.equals(resource.pulumiResourceType())) {
            return Optional.empty();
        }
        ResourceOptions options = args.options();
        CompletableFuture<Map<String, Output<?>>> properties = args.args() == null
                ? CompletableFuture.completedFuture(Map.of())
                : PulumiInternals.inputProperties(args.args());
        registrations.add(new Registration(
                resource,
                options.getParent(),
                !(resource instanceof CustomResource),
                options.getDependsOn() == null
                        ? CompletableFuture.completedFuture(List.of())
                        : PulumiInternals.dependsOn(options.getDependsOn()),
                properties.thenCompose(map -> PulumiInternals.resourcesBehindDeep(map.values())),
                secretProperties(resource, options, properties),
                options.isRetainOnDelete(),
                options.isProtect()));
        return Optional.empty();
    }

    /**
     * Finds the secret properties of a resource: inputs that are or contain a secret, and the outputs
     * listed in {@code additionalSecretOutputs}, which generated provider classes set for properties
     * the provider's schema marks secret.
     */
    private CompletableFuture<Set<String>> secretProperties(Resource resource, ResourceOptions options,
            CompletableFuture<Map<String, Output<?>>> properties) {
        Set<String> declared = options instanceof CustomResourceOptions custom
                ? Set.copyOf(custom.getAdditionalSecretOutputs())
                : Set.of();
        declaredSecretOutputsByKey.put(keyOf(resource), declared);
        return properties.thenCompose(PulumiInternals::secretProperties)
                .thenApply(inputs -> {
                    Set<String> all = new HashSet<>(inputs);
                    all.addAll(declared);
                    return Set.copyOf(all);
                });
    }

    /**
     * Returns the outputs of the resource with a key that its {@code additionalSecretOutputs} option
     * marks secret, for the simulated account to return as secrets. Known as soon as the resource is
     * registered, so the simulated account never waits for it.
     */
    public Set<String> declaredSecretOutputsOf(String key) {
        return declaredSecretOutputsByKey.getOrDefault(key, Set.of());
    }

    /**
     * Builds the nodes of every recorded resource.
     *
     * @param inputsByKey  resolved inputs from the simulated account, by {@code type::name}
     * @param outputsByKey simulated outputs, by {@code type::name}
     */
    public List<ResourceNode> nodes(Map<String, Map<String, Object>> inputsByKey,
            Map<String, Map<String, Object>> outputsByKey) {
        Set<Resource> recorded = new HashSet<>();
        registrations.forEach(r -> recorded.add(r.resource()));

        List<ResourceNode> nodes = new ArrayList<>();
        for (Registration r : registrations) {
            String key = keyOf(r.resource());
            Optional<String> parentKey = r.parent()
                    .filter(recorded::contains)
                    .map(GraphRecorder::keyOf);
            Set<String> explicit = keysOf(await(r.dependsOn(), List.of()), recorded);
            Set<String> implied = keysOf(await(r.implied(), Set.of()), recorded);
            implied.remove(key);
            nodes.add(new ResourceNode(
                    key,
                    r.resource().pulumiResourceType(),
                    r.resource().pulumiResourceName(),
                    parentKey,
                    r.component(),
                    explicit,
                    implied,
                    inputsByKey.getOrDefault(key, Map.of()),
                    outputsByKey.getOrDefault(key, Map.of()),
                    await(r.secretProperties(), Set.of()),
                    r.retainOnDelete(),
                    r.protect()));
        }
        return nodes;
    }

    private static Set<String> keysOf(java.util.Collection<Resource> resources, Set<Resource> recorded) {
        return resources.stream()
                .filter(recorded::contains)
                .map(GraphRecorder::keyOf)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static String keyOf(Resource resource) {
        return ResourceNode.keyOf(resource.pulumiResourceType(), resource.pulumiResourceName());
    }

    private static <T> T await(CompletableFuture<T> future, T fallback) {
        try {
            T value = future.get(LOOKUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return value == null ? fallback : value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        } catch (ExecutionException | TimeoutException e) {
            // NOTE: a lookup that failed or never finished leaves the edge out of the graph. The
            // program's own error, if any, is reported by the preview result.
            return fallback;
        }
    }
}
