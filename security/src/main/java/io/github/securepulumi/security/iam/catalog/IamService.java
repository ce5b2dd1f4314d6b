package io.github.securepulumi.security.iam.catalog;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One AWS service of the catalog: its actions, resource types and condition keys. */
public final class IamService {

    private static final Comparator<String> IGNORING_CASE = String.CASE_INSENSITIVE_ORDER;

    private final String prefix;
    private final String name;
    private final IamAction[] actions;
    private final IamResourceType[] resourceTypes;
    private final IamConditionKey[] conditionKeys;

    IamService(String prefix, String name, IamAction[] actions, IamResourceType[] resourceTypes,
            IamConditionKey[] conditionKeys) {
        this.prefix = prefix;
        this.name = name;
        this.actions = actions;
        this.resourceTypes = resourceTypes;
        this.conditionKeys = conditionKeys;
        // Plain comparator classes, not lambdas: bootstrapping a lambda costs milliseconds on the
        // first load in a fresh JVM, and the catalog is usually loaded by one.
        Arrays.sort(this.actions, new ActionOrder());
        Arrays.sort(this.resourceTypes, new TypeOrder());
    }

    private static final class ActionOrder implements Comparator<IamAction> {
        @Override
        public int compare(IamAction a, IamAction b) {
            return IGNORING_CASE.compare(a.name(), b.name());
        }
    }

    private static final class TypeOrder implements Comparator<IamResourceType> {
        @Override
        public int compare(IamResourceType a, IamResourceType b) {
            return IGNORING_CASE.compare(a.name(), b.name());
        }
    }

    /** The service prefix used in actions and ARNs, for example {@code s3}. */
    public String prefix() {
        return prefix;
    }

    /** The service's full name, for example {@code Amazon S3}. */
    public String name() {
        return name;
    }

    /** Every action, sorted by name ignoring case. */
    public List<IamAction> actions() {
        return List.of(actions);
    }

    /** Every resource type, sorted by name ignoring case. */
    public List<IamResourceType> resourceTypes() {
        return List.of(resourceTypes);
    }

    /** Every condition key the service defines, global ones it lists included. */
    public List<IamConditionKey> conditionKeys() {
        return List.of(conditionKeys);
    }

    /** Finds an action by name, ignoring case as IAM does, for example {@code getobject}. */
    public Optional<IamAction> action(String actionName) {
        int low = 0;
        int high = actions.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = IGNORING_CASE.compare(actions[middle].name(), actionName);
            if (order == 0) {
                return Optional.of(actions[middle]);
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    /** Finds a resource type by name, ignoring case. */
    public Optional<IamResourceType> resourceType(String typeName) {
        for (IamResourceType type : resourceTypes) {
            if (type.name().equalsIgnoreCase(typeName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    IamConditionKey[] conditionKeyArray() {
        return conditionKeys;
    }

    @Override
    public String toString() {
        return prefix;
    }
}
