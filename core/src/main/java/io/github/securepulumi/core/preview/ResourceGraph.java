package io.github.securepulumi.core.preview;

import io.github.securepulumi.core.optout.SecurityOptOut;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The resources a Pulumi program registered, with their parents, dependencies and inputs.
 *
 * <p>This is the public result of an offline preview. Use it in your own JUnit tests to assert on a
 * stack: which resources exist, what a policy document allows, and which resource waits for which.
 */
public final class ResourceGraph {

    private static final Comparator<ResourceNode> BY_NAME =
            Comparator.comparing(ResourceNode::name).thenComparing(ResourceNode::type);

    private final String stackName;
    private final String projectName;
    private final Map<String, ResourceNode> nodes;
    private final List<SecurityOptOut> optOuts;
    private final Map<String, Object> stackOutputs;
    private final Set<String> secretStackOutputs;

    /** Creates a graph whose stack outputs are all plain, not secret. */
    public ResourceGraph(String projectName, String stackName, List<ResourceNode> nodes,
            List<SecurityOptOut> optOuts, Map<String, Object> stackOutputs) {
        this(projectName, stackName, nodes, optOuts, stackOutputs, Set.of());
    }

    /**
     * Creates a graph.
     *
     * @param secretStackOutputs names of the stack outputs exported as secrets; renderers mask their
     *                           values
     */
    public ResourceGraph(String projectName, String stackName, List<ResourceNode> nodes,
            List<SecurityOptOut> optOuts, Map<String, Object> stackOutputs, Set<String> secretStackOutputs) {
        this.projectName = projectName;
        this.stackName = stackName;
        Map<String, ResourceNode> byKey = new TreeMap<>();
        for (ResourceNode node : nodes) {
            byKey.put(node.key(), node);
        }
        this.nodes = byKey;
        this.optOuts = List.copyOf(optOuts);
        Map<String, Object> resolved = new TreeMap<>();
        stackOutputs.forEach((name, value) -> {
            if (value != null) {
                resolved.put(name, value);
            }
        });
        this.stackOutputs = Collections.unmodifiableMap(resolved);
        this.secretStackOutputs = Set.copyOf(secretStackOutputs);
    }

    /** Returns the Pulumi project name the program ran under. */
    public String projectName() {
        return projectName;
    }

    /** Returns the stack name the program ran under. */
    public String stackName() {
        return stackName;
    }

    /** Returns every resource, components included, ordered by key. */
    public List<ResourceNode> resources() {
        return List.copyOf(nodes.values());
    }

    /** Resources that AWS creates, without component resources. */
    public List<ResourceNode> customResources() {
        return nodes.values().stream().filter(n -> !n.component()).toList();
    }

    /** Returns every resource of one type token, for example {@code aws:iam/role:Role}. */
    public List<ResourceNode> ofType(String type) {
        return nodes.values().stream().filter(n -> n.type().equals(type)).toList();
    }

    /** Finds the resource of a type and logical name, if registered. */
    public Optional<ResourceNode> find(String type, String name) {
        return Optional.ofNullable(nodes.get(ResourceNode.keyOf(type, name)));
    }

    /**
     * Returns the resource of a type and logical name.
     *
     * @throws NoSuchElementException naming the resources of that type that do exist
     */
    public ResourceNode get(String type, String name) {
        return find(type, name).orElseThrow(() -> new NoSuchElementException(
                "no resource " + ResourceNode.keyOf(type, name) + " was registered; resources of type "
                        + type + ": " + ofType(type).stream().map(ResourceNode::name).toList()));
    }

    /** Finds the resource with a key, as returned by {@link ResourceNode#key()}. */
    public Optional<ResourceNode> byKey(String key) {
        return Optional.ofNullable(nodes.get(key));
    }

    /** Returns the direct children of a resource, ordered by name. */
    public List<ResourceNode> children(ResourceNode parent) {
        return nodes.values().stream()
                .filter(n -> n.parentKey().filter(parent.key()::equals).isPresent())
                .sorted(BY_NAME)
                .toList();
    }

    /** Resources registered directly under the stack, ordered by name. */
    public List<ResourceNode> roots() {
        return nodes.values().stream()
                .filter(n -> n.parentKey().map(k -> !nodes.containsKey(k)).orElse(true))
                .sorted(BY_NAME)
                .toList();
    }

    /** Secure defaults switched off while the program ran, with their justifications. */
    public List<SecurityOptOut> optOuts() {
        return optOuts;
    }

    /** Values the program exported with {@code ctx.export}, resolved; an output that failed or is null is left out. */
    public Map<String, Object> stackOutputs() {
        return stackOutputs;
    }

    /** Names of the stack outputs whose value is secret, such as {@code ctx.export("k", Output.ofSecret(v))}. */
    public Set<String> secretStackOutputs() {
        return secretStackOutputs;
    }

    /**
     * Tells whether {@code dependent} waits for {@code dependency} before it is created, directly or through
     * other resources. A dependency on a component means waiting for every resource inside it.
     */
    public boolean waitsFor(ResourceNode dependent, ResourceNode dependency) {
        Set<String> targets = new LinkedHashSet<>(expand(dependency.key()));
        Set<String> seen = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(directDependencies(dependent));
        while (!queue.isEmpty()) {
            String next = queue.remove(queue.size() - 1);
            if (!seen.add(next)) {
                continue;
            }
            if (targets.contains(next)) {
                return true;
            }
            nodes.get(next).allDependencies().forEach(d -> queue.addAll(expand(d)));
        }
        return false;
    }

    /**
     * Groups the resources AWS creates into waves: every resource in a wave depends only on resources
     * of earlier waves, so each wave can be created in parallel.
     */
    public List<List<ResourceNode>> waves() {
        Map<String, Integer> level = new HashMap<>();
        for (ResourceNode node : customResources()) {
            levelOf(node.key(), level, new LinkedHashSet<>());
        }
        Map<Integer, List<ResourceNode>> byLevel = new TreeMap<>();
        level.forEach((key, wave) -> byLevel.computeIfAbsent(wave, w -> new ArrayList<>()).add(nodes.get(key)));
        return byLevel.values().stream()
                .map(list -> list.stream().sorted(BY_NAME).toList())
                .toList();
    }

    private int levelOf(String key, Map<String, Integer> level, Set<String> visiting) {
        Integer known = level.get(key);
        if (known != null) {
            return known;
        }
        if (!visiting.add(key)) {
            throw new IllegalStateException("dependency cycle through " + key);
        }
        int wave = 1;
        for (String dependency : directDependencies(nodes.get(key))) {
            wave = Math.max(wave, levelOf(dependency, level, visiting) + 1);
        }
        visiting.remove(key);
        level.put(key, wave);
        return wave;
    }

    /** Custom resources a resource waits for directly, with component dependencies expanded. */
    private Set<String> directDependencies(ResourceNode node) {
        return node.allDependencies().stream()
                .flatMap(d -> expand(d).stream())
                .filter(d -> !d.equals(node.key()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Expands a key to custom resources: itself, or every custom resource inside a component. */
    private List<String> expand(String key) {
        ResourceNode node = nodes.get(key);
        if (node == null) {
            return List.of();
        }
        if (!node.component()) {
            return List.of(key);
        }
        List<String> inside = new ArrayList<>();
        for (ResourceNode child : children(node)) {
            inside.addAll(expand(child.key()));
        }
        return inside;
    }

    /** Counts used by the preview's summary line. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("resources", customResources().size());
        counts.put("components", nodes.size() - customResources().size());
        counts.put("waves", waves().size());
        counts.put("explicitDependencies", nodes.values().stream().mapToInt(n -> n.dependsOn().size()).sum());
        counts.put("impliedDependencies", nodes.values().stream().mapToInt(n -> n.impliedDependsOn().size()).sum());
        counts.put("optOuts", optOuts.size());
        return counts;
    }
}
