package io.millwright.k8s;

import static io.millwright.k8s.Manifests.container;
import static io.millwright.k8s.Manifests.list;
import static io.millwright.k8s.Manifests.map;
import static io.millwright.k8s.Manifests.name;
import static io.millwright.k8s.Manifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.millwright.model.event.KafkaAccess;
import io.millwright.model.event.Topics;

/**
 * The Kafka the manifests ask Strimzi for is the Kafka the code uses: a KafkaTopic for every topic of
 * {@link Topics#PLATFORM} and of the AsyncAPI catalog and no other, and for every principal of {@link KafkaAccess}
 * a KafkaUser whose ACLs are exactly the ones the local broker enforces for it (which the services' tests run
 * against) - no more. Each service logs in as its own user, and prod keeps two in-sync replicas of every topic.
 */
class KafkaResourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicOfTheCodeAndTheCatalogHasAKafkaTopicAndNoOtherExists(String overlay) throws Exception {
        Set<String> kafkaTopics = new LinkedHashSet<>();
        for (Map<String, Object> topic : ofKind(Manifests.render(overlay), "KafkaTopic")) {
            Object topicName = map(topic, "spec").get("topicName");
            kafkaTopics.add(topicName != null ? (String) topicName : name(topic));
        }
        assertThat(kafkaTopics).containsExactlyInAnyOrderElementsOf(Topics.PLATFORM);
        assertThat(kafkaTopics).containsExactlyInAnyOrderElementsOf(asyncApiChannels());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPrincipalsKafkaUserAllowsExactlyWhatItsRoutesConsumeAndProduce(String overlay) throws Exception {
        List<Map<String, Object>> users = ofKind(Manifests.render(overlay), "KafkaUser");
        Set<String> principals = new LinkedHashSet<>();
        for (Map<String, Object> user : users) {
            String principal = name(user);
            principals.add(principal);
            assertThat(map(user, "spec", "authentication")).as(principal).containsEntry("type", "scram-sha-512");
            boolean plant = map(user, "metadata", "labels").containsKey("millwright.io/plant");
            KafkaAccess access = plant ? KafkaAccess.plant(principal)
                    : KafkaAccess.of(principal).orElseThrow(() -> new AssertionError("KafkaUser " + principal + " is no principal of KafkaAccess"));
            assertThat(bindings(principal, user)).as("ACLs of %s", principal).containsExactlyInAnyOrderElementsOf(access.aclBindings());
        }
        KafkaAccess.ALL.stream().filter(access -> access != KafkaAccess.LOCAL_PLANT)
                .forEach(access -> assertThat(principals).as("a KafkaUser for %s", access.principal()).contains(access.principal()));
        assertThat(users).as("at least one plant's edge gateway")
                .anySatisfy(user -> assertThat(map(user, "metadata", "labels")).containsKey("millwright.io/plant"));
    }

    @Test
    void anAclBeyondThePrincipalsAccessIsSeen() {
        Map<String, Object> tooMuch = Manifests.loadAll("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: production-service}
                spec:
                  authorization:
                    acls:
                      - resource: {type: topic, name: millwright.production.events, patternType: literal}
                        operations: [Write, Describe]
                      - resource: {type: topic, name: millwright.order.events, patternType: literal}
                        operations: [Read]
                """).get(0);
        assertThat(bindings("production-service", tooMuch)).isNotEqualTo(KafkaAccess.PRODUCTION_SERVICE.aclBindings())
                .containsAll(KafkaAccess.PRODUCTION_SERVICE.aclBindings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceLogsInAsItsOwnKafkaUser(String overlay) throws Exception {
        List<Map<String, Object>> resources = Manifests.render(overlay);
        for (String service : Manifests.SERVICES) {
            Map<String, Object> deployment = Manifests.named(resources, "Deployment", service).orElseThrow();
            Map<String, Object> password = list(container(deployment), "env").stream()
                    .filter(env -> "KAFKA_PASSWORD".equals(env.get("name"))).findFirst().orElseThrow();
            assertThat(map(password, "valueFrom", "secretKeyRef")).as(service)
                    .containsEntry("name", service).containsEntry("key", "password");
            assertThat(Manifests.named(resources, "KafkaUser", service)).as(service).isPresent();
        }
    }

    @Test
    void prodKeepsThreeReplicasAndTwoInSyncOfEveryTopic() throws Exception {
        for (Map<String, Object> topic : ofKind(Manifests.render("prod"), "KafkaTopic")) {
            assertThat(map(topic, "spec")).as(name(topic)).containsEntry("replicas", 3);
            assertThat(map(topic, "spec", "config")).as(name(topic)).containsEntry("min.insync.replicas", 2);
        }
        Map<String, Object> nodes = ofKind(Manifests.render("prod"), "KafkaNodePool").get(0);
        assertThat(map(nodes, "spec")).containsEntry("replicas", 3);
    }

    private static Set<AclBinding> bindings(String principal, Map<String, Object> user) {
        Set<AclBinding> bindings = new LinkedHashSet<>();
        for (Map<String, Object> acl : list(map(user, "spec", "authorization"), "acls")) {
            Map<String, Object> resource = map(acl, "resource");
            ResourceType type = switch ((String) resource.get("type")) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                case "cluster" -> ResourceType.CLUSTER;
                default -> ResourceType.TRANSACTIONAL_ID;
            };
            PatternType pattern = "prefix".equals(resource.get("patternType")) ? PatternType.PREFIXED : PatternType.LITERAL;
            AclPermissionType permission = "deny".equals(acl.get("type")) ? AclPermissionType.DENY : AclPermissionType.ALLOW;
            String host = acl.get("host") == null ? "*" : (String) acl.get("host");
            @SuppressWarnings("unchecked")
            List<String> operations = (List<String>) acl.get("operations");
            for (String operation : operations) {
                AclOperation op = AclOperation.fromString(operation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
                bindings.add(new AclBinding(new ResourcePattern(type, (String) resource.get("name"), pattern),
                        new AccessControlEntry("User:" + principal, host, op, permission)));
            }
        }
        return bindings;
    }

    private static Set<String> asyncApiChannels() {
        Set<String> addresses = new LinkedHashSet<>();
        for (String line : Manifests.read(Manifests.ROOT.resolve("docs/asyncapi.yaml")).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("address:")) {
                addresses.add(trimmed.substring("address:".length()).trim());
            }
        }
        return addresses;
    }
}
