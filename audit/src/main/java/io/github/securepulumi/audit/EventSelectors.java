package io.github.securepulumi.audit;

import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailAdvancedEventSelectorFieldSelectorArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a trail's advanced event selectors.
 *
 * <p>Once a trail has advanced event selectors, CloudTrail records only what they select, so the
 * first selector always selects all management events.
 */
final class EventSelectors {

    private EventSelectors() {
    }

    /**
     * Selects all management events plus the requested data events, never the S3 objects of the
     * trail's own bucket.
     *
     * @param trailBucketArn ARN of the bucket the trail writes to, resolved
     */
    static List<TrailAdvancedEventSelectorArgs> of(List<DataEvents> dataEvents, String trailBucketArn) {
        List<TrailAdvancedEventSelectorArgs> selectors = new ArrayList<>();
        selectors.add(TrailAdvancedEventSelectorArgs.builder()
                .name("All management events")
                .fieldSelectors(field("eventCategory").equals_("Management").build())
                .build());
        for (DataEvents events : dataEvents) {
            dataSelector(events, trailBucketArn + "/").ifPresent(selectors::add);
        }
        return selectors;
    }

    private static Optional<TrailAdvancedEventSelectorArgs> dataSelector(DataEvents events, String ownObjects) {
        List<TrailAdvancedEventSelectorFieldSelectorArgs> fields = new ArrayList<>();
        fields.add(field("eventCategory").equals_("Data").build());
        fields.add(field("resources.type").equals_(events.type().cloudTrailName()).build());
        String name;
        if (events.type() == DataEvents.ResourceType.S3_OBJECT) {
            if (events.arns().isEmpty()) {
                fields.add(field("resources.ARN").notStartsWiths(ownObjects).build());
                name = "S3 object events of all buckets except the trail's own";
            } else {
                List<String> prefixes = events.arns().stream()
                        .map(arn -> arn + "/")
                        .filter(prefix -> !prefix.equals(ownObjects))
                        .toList();
                if (prefixes.isEmpty()) {
                    return Optional.empty();
                }
                fields.add(field("resources.ARN").startsWiths(prefixes).build());
                name = "S3 object events of selected buckets";
            }
        } else if (events.arns().isEmpty()) {
            name = "Lambda invocations of all functions";
        } else {
            fields.add(field("resources.ARN").equals_(events.arns()).build());
            name = "Lambda invocations of selected functions";
        }
        return Optional.of(TrailAdvancedEventSelectorArgs.builder().name(name).fieldSelectors(fields).build());
    }

    private static TrailAdvancedEventSelectorFieldSelectorArgs.Builder field(String name) {
        return TrailAdvancedEventSelectorFieldSelectorArgs.builder().field(name);
    }
}
