package io.millwright.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaAccessTest {

    @Test
    void principalsAreUniqueAndUseOnlyThePlatformsTopics() {
        assertThat(KafkaAccess.ALL).extracting(KafkaAccess::principal).doesNotHaveDuplicates();
        assertThat(KafkaAccess.ALL).allSatisfy(access -> {
            assertThat(Topics.PLATFORM).containsAll(access.reads());
            assertThat(Topics.PLATFORM).containsAll(access.writes());
        });
    }

    @Test
    void eachDomainTopicHasOneServiceWritingItAndNoServiceWritesWhatItReads() {
        for (String topic : List.of(Topics.ORDER_EVENTS, Topics.PRODUCTION_EVENTS, Topics.INVENTORY_EVENTS, Topics.QUALITY_EVENTS,
                Topics.CRM_ORDERS)) {
            assertThat(KafkaAccess.ALL).filteredOn(access -> access.writes().contains(topic)).as(topic).hasSize(1);
        }
        assertThat(KafkaAccess.ALL).allSatisfy(access -> assertThat(access.reads()).doesNotContainAnyElementsOf(access.writes()));
    }

    @Test
    void orderServiceMayReadProductionEventsButWriteOnlyOrderEvents() {
        List<AclBinding> bindings = List.copyOf(KafkaAccess.ORDER_SERVICE.aclBindings());

        assertThat(bindings).allSatisfy(binding -> {
            assertThat(binding.entry().principal()).isEqualTo("User:order-service");
            assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
            assertThat(binding.entry().operation()).isIn(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE);
        });
        assertThat(bindings).filteredOn(b -> b.entry().operation() == AclOperation.WRITE)
                .extracting(b -> b.pattern().name()).containsExactly(Topics.ORDER_EVENTS);
        assertThat(bindings).filteredOn(b -> b.pattern().resourceType() == ResourceType.TOPIC && b.entry().operation() == AclOperation.READ)
                .extracting(b -> b.pattern().name())
                .containsExactlyInAnyOrder(Topics.CRM_ORDERS, Topics.PRODUCTION_EVENTS, Topics.INVENTORY_EVENTS, Topics.QUALITY_EVENTS,
                        Topics.MAINTENANCE_EVENTS);
        assertThat(bindings).filteredOn(b -> b.pattern().resourceType() == ResourceType.GROUP)
                .allSatisfy(b -> {
                    assertThat(b.pattern().name()).isEqualTo("order-service.");
                    assertThat(b.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                })
                .extracting(b -> b.entry().operation()).containsExactlyInAnyOrder(AclOperation.READ, AclOperation.DESCRIBE);
    }

    @Test
    void aPrincipalThatReadsNothingHasNoGroupAndAPlantWritesOnlyMachineData() {
        KafkaAccess plant = KafkaAccess.plant("edge-plant-7");

        assertThat(plant.aclBindings()).noneMatch(b -> b.pattern().resourceType() == ResourceType.GROUP)
                .filteredOn(b -> b.entry().operation() == AclOperation.WRITE).extracting(b -> b.pattern().name())
                .containsExactlyInAnyOrder(Topics.EDGE_TELEMETRY, Topics.EDGE_EVENTS);
        assertThat(KafkaAccess.PRODUCTION_SERVICE.aclBindings()).hasSize(2);
    }
}
