package io.github.securepulumi.security.iam.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One action of one service, for example {@code s3:PutObject}.
 *
 * <p>An action with no resource types does not support resource-level permissions: a statement
 * can grant it only with {@code "Resource": "*"}.
 */
public final class IamAction {

    private final String service;
    private final String name;
    private final AccessLevel accessLevel;
    private final IamResourceType[] resourceTypes;
    private final boolean[] required;
    private final IamConditionKey[][] resourceTypeConditionKeys;
    private final IamConditionKey[] conditionKeys;

    IamAction(String service, String name, AccessLevel accessLevel, IamResourceType[] resourceTypes,
            boolean[] required, IamConditionKey[][] resourceTypeConditionKeys, IamConditionKey[] conditionKeys) {
        this.service = service;
        this.name = name;
        this.accessLevel = accessLevel;
        this.resourceTypes = resourceTypes;
        this.required = required;
        this.resourceTypeConditionKeys = resourceTypeConditionKeys;
        this.conditionKeys = conditionKeys;
    }

    /** The service prefix, for example {@code s3}. */
    public String service() {
        return service;
    }

    /** The action name as AWS writes it, for example {@code PutObject}. */
    public String name() {
        return name;
    }

    /** The name as a policy writes it, for example {@code s3:PutObject}. */
    public String fullName() {
        return service + ":" + name;
    }

    /** The access level. */
    public AccessLevel accessLevel() {
        return accessLevel;
    }

    /** The resource types the action can be scoped to; empty when only {@code "*"} applies. */
    public List<IamResourceType> resourceTypes() {
        return List.of(resourceTypes);
    }

    /** Whether the action supports resource-level permissions. */
    public boolean supportsResourceLevelPermissions() {
        return resourceTypes.length > 0;
    }

    /** Whether the reference marks the resource type as required for this action. */
    public boolean requires(IamResourceType type) {
        for (int i = 0; i < resourceTypes.length; i++) {
            if (resourceTypes[i] == type) {
                return required[i];
            }
        }
        return false;
    }

    /** Whether an ARN from a policy, wildcards allowed, matches one of the action's resource types. */
    public boolean appliesTo(ArnPattern arn) {
        for (IamResourceType type : resourceTypes) {
            if (type.matches(arn)) {
                return true;
            }
        }
        return false;
    }

    /** The ARN formats of the action's resource types, in catalog order, without repeats. */
    public List<String> arnFormats() {
        Set<String> formats = new LinkedHashSet<>();
        for (IamResourceType type : resourceTypes) {
            formats.add(type.arnFormat());
        }
        return List.copyOf(formats);
    }

    /**
     * Whether a service-specific condition key is in the request context of this action: listed for
     * the action, for one of its resource types, or for that type in this action.
     */
    public boolean supportsConditionKey(IamConditionKey key) {
        for (IamConditionKey candidate : conditionKeys) {
            if (candidate == key) {
                return true;
            }
        }
        for (int i = 0; i < resourceTypes.length; i++) {
            if (resourceTypes[i].hasConditionKey(key)) {
                return true;
            }
            for (IamConditionKey candidate : resourceTypeConditionKeys[i]) {
                if (candidate == key) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The condition keys listed for the action itself. */
    public List<IamConditionKey> conditionKeys() {
        return List.of(conditionKeys);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
