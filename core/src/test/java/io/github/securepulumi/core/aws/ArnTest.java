package io.github.securepulumi.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnTest {

    @Test
    void parsesResourceWithColons() {
        Arn arn = Arn.parse("arn:aws:logs:us-east-1:123456789012:log-group:/a:*").orElseThrow();

        assertThat(arn.service()).isEqualTo("logs");
        assertThat(arn.region()).isEqualTo("us-east-1");
        assertThat(arn.account()).isEqualTo("123456789012");
        assertThat(arn.resource()).isEqualTo("log-group:/a:*");
        assertThat(arn.toString()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/a:*");
    }

    @Test
    void parsesGlobalArnsWithEmptyFields() {
        Arn bucket = Arn.parse("arn:aws-cn:s3:::data").orElseThrow();

        assertThat(bucket.partitionEnum()).isEqualTo(Partition.AWS_CN);
        assertThat(bucket.region()).isEmpty();
        assertThat(bucket.account()).isEmpty();
        assertThat(bucket.resource()).isEqualTo("data");
    }

    @Test
    void rejectsTextThatIsNoArn() {
        assertThat(Arn.parse("1234abcd-12ab-34cd-56ef-1234567890ab")).isEmpty();
        assertThat(Arn.parse("arn:aws:s3")).isEmpty();
        assertThat(Arn.parse("arn:aws-moon:s3:::data")).isEmpty();
        assertThat(Arn.parse(null)).isEmpty();
    }

    @Test
    void recognizesAccountIds() {
        assertThat(Arn.isAccountId("123456789012")).isTrue();
        assertThat(Arn.isAccountId("12345678901")).isFalse();
        assertThat(Arn.isAccountId("12345678901a")).isFalse();
    }

    @Test
    void partitionsFollowRegionPrefix() {
        assertThat(Partition.ofRegion("eu-west-1")).isEqualTo(Partition.AWS);
        assertThat(Partition.ofRegion("cn-northwest-1")).isEqualTo(Partition.AWS_CN);
        assertThat(Partition.ofRegion("us-gov-east-1")).isEqualTo(Partition.AWS_US_GOV);
    }

    @Test
    void logStreamsPatternFollowsBareGroupArn() {
        assertThat(AwsArns.logStreamsOf("arn:aws:logs:us-east-1:123456789012:log-group:/a:*"))
                .isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/a:log-stream:*");
    }
}
