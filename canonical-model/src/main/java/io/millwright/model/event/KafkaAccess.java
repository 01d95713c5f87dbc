package io.millwright.model.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may read and write which topic: one Kafka principal (a SCRAM user) per service, per pushing integration and per
 * plant's edge gateway, allowed exactly the topics its routes consume and produce, and consumer groups whose id starts
 * with {@code <principal>.}. Brokers enforce these rules as ACLs (the local broker reconciles them at start; the
 * Kubernetes {@code KafkaUser}s carry the same). Nobody gets {@code CREATE}: topics exist before the services start
 * ({@link Topics#PLATFORM}).
 *
 * @param principal the SCRAM user name (the service's {@code quarkus.application.name})
 * @param reads topics it consumes (READ, DESCRIBE), with consumer groups {@code <principal>.*} (READ, DESCRIBE)
 * @param writes topics it produces to (WRITE, DESCRIBE)
 */
public record KafkaAccess(String principal, List<String> reads, List<String> writes) {

    public static final KafkaAccess ORDER_SERVICE = new KafkaAccess("order-service",
            List.of(Topics.CRM_ORDERS, Topics.PRODUCTION_EVENTS, Topics.INVENTORY_EVENTS, Topics.QUALITY_EVENTS, Topics.MAINTENANCE_EVENTS),
            List.of(Topics.ORDER_EVENTS));
    public static final KafkaAccess PRODUCTION_SERVICE = new KafkaAccess("production-service",
            List.of(), List.of(Topics.PRODUCTION_EVENTS));
    public static final KafkaAccess INVENTORY_SERVICE = new KafkaAccess("inventory-service",
            List.of(Topics.PRODUCTION_EVENTS, Topics.QUALITY_EVENTS), List.of(Topics.INVENTORY_EVENTS));
    public static final KafkaAccess QUALITY_SERVICE = new KafkaAccess("quality-service",
            List.of(Topics.PRODUCTION_EVENTS), List.of(Topics.QUALITY_EVENTS));
    public static final KafkaAccess MAINTENANCE_SERVICE = new KafkaAccess("maintenance-service",
            List.of(Topics.EDGE_EVENTS), List.of(Topics.MAINTENANCE_EVENTS));
    /** A CRM integration that pushes orders instead of calling the REST API. */
    public static final KafkaAccess CRM = new KafkaAccess("crm", List.of(), List.of(Topics.CRM_ORDERS));
    /** The edge gateway of the local run's plant; every plant's gateway has its own principal ({@link #plant}). */
    public static final KafkaAccess LOCAL_PLANT = plant("edge-gateway");

    /** The principals of the platform (a plant's gateway is added per plant with {@link #plant}). */
    public static final List<KafkaAccess> ALL = List.of(ORDER_SERVICE, PRODUCTION_SERVICE, INVENTORY_SERVICE, QUALITY_SERVICE,
            MAINTENANCE_SERVICE, CRM, LOCAL_PLANT);

    public KafkaAccess {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
    }

    /** The edge gateway of one plant: writes machine data, reads nothing. */
    public static KafkaAccess plant(String principal) {
        return new KafkaAccess(principal, List.of(), List.of(Topics.EDGE_TELEMETRY, Topics.EDGE_EVENTS));
    }

    public static Optional<KafkaAccess> of(String principal) {
        return ALL.stream().filter(access -> access.principal.equals(principal)).findFirst();
    }

    /** {@code User:<principal>}, as Kafka names SCRAM principals. */
    public String kafkaPrincipal() {
        return "User:" + principal;
    }

    /** Consumer groups of this principal: ids starting with {@code <principal>.}. */
    public String groupPrefix() {
        return principal + ".";
    }

    /** The ALLOW rules this access amounts to (from any host); nothing else is allowed to the principal. */
    public Set<AclBinding> aclBindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (String topic : reads) {
            bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
            bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        for (String topic : writes) {
            bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
            bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        if (!reads.isEmpty()) {
            bindings.add(allow(ResourceType.GROUP, groupPrefix(), PatternType.PREFIXED, AclOperation.READ));
            bindings.add(allow(ResourceType.GROUP, groupPrefix(), PatternType.PREFIXED, AclOperation.DESCRIBE));
        }
        return new LinkedHashSet<>(bindings);
    }

    private AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(kafkaPrincipal(), "*", operation, AclPermissionType.ALLOW));
    }
}
