package io.github.securepulumi.security.iam.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnPatternTest {

    private static ArnPattern arn(String text) {
        return ArnPattern.parse(text).orElseThrow();
    }

    @Test
    void placeholderMatchesConcreteValue() {
        ArnPattern format = arn("arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}");

        assertThat(format.overlaps(arn("arn:aws:kms:us-east-1:123456789012:key/1234abcd"))).isTrue();
        assertThat(format.overlaps(arn("arn:aws:kms:us-east-1:123456789012:alias/logs"))).isFalse();
        assertThat(format.overlaps(arn("arn:aws:s3:::bucket"))).isFalse();
    }

    @Test
    void wildcardsMatchWithinOneField() {
        ArnPattern objects = arn("arn:${Partition}:s3:::${BucketName}/${ObjectName}");

        assertThat(objects.overlaps(arn("arn:aws:s3:::logs/AWSLogs/123456789012/*"))).isTrue();
        assertThat(objects.overlaps(arn("arn:aws:s3:::logs"))).isFalse();
        assertThat(objects.overlaps(arn("arn:aws:s3:::logs*"))).isTrue();
        assertThat(arn("arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}")
                .overlaps(arn("arn:aws:logs:*:123456789012:log-group:/audit"))).isTrue();
    }

    @Test
    void emptyFieldsMustStayEmpty() {
        ArnPattern bucket = arn("arn:${Partition}:s3:::${BucketName}");

        assertThat(bucket.overlaps(arn("arn:aws:s3:us-east-1::bucket"))).isFalse();
        assertThat(bucket.overlaps(arn("arn:aws:s3:*::bucket"))).isTrue();
    }

    @Test
    void rejectsTextThatIsNoArn() {
        assertThat(ArnPattern.parse("bucket")).isEmpty();
        assertThat(ArnPattern.parse("arn:aws:s3")).isEmpty();
    }
}
