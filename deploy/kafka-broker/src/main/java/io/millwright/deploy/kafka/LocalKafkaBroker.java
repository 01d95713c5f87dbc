package io.millwright.deploy.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

import io.millwright.model.event.KafkaAccess;

/**
 * Single-node KRaft Kafka (combined broker and controller) for the local run and for tests.
 *
 * <pre>java -jar kafka-broker.jar --port 9092 --controller-port 9093 --data-dir /tmp/mw-kafka</pre>
 *
 * The data directory is formatted on first start and reused afterwards, so a stopped broker
 * restarted on the same directory keeps its topics and offsets (tests rely on that to simulate
 * a Kafka outage). Any {@code --override key=value} is added to the broker configuration; {@code --topics a,b}
 * creates those topics once the broker is up (consumers that subscribe before a topic exists may only see it at
 * their next metadata refresh).
 *
 * <p>{@code --secure-port N} adds a second client listener, {@code SASL_SSL} with mutual TLS and SCRAM-SHA-512, as a
 * cloud Kafka has: certificates are made on first start in {@code --tls-dir} (default {@code <data-dir>/tls}, see
 * {@link TlsMaterial}; keystore password {@code --tls-password}, required: no password is built in; a client
 * certificate for each {@code --tls-client name}, repeatable, default {@value #DEFAULT_TLS_CLIENT}), and
 * {@code --scram-user name:password} (repeatable) creates SCRAM users when the storage is formatted, or sets their
 * passwords once the broker is up on a data directory formatted earlier.
 *
 * <p>The broker authorizes every request (KRaft {@code StandardAuthorizer}). On the secure listener the principals of
 * {@link KafkaAccess#ALL} get exactly their rules, reconciled at each start (missing ones added, others of those
 * principals removed); any other SCRAM user may do nothing until it is granted something. The plaintext listener on
 * 127.0.0.1 is the broker's own (controller, inter-broker) and local tools': its anonymous principal is a super user,
 * as is each {@code --super-user name} (for tests that make their own topics). Once topics, users and rules are in
 * place the broker writes {@value #PREPARED_FILE} into its data directory and prints "topics ready".
 */
public final class LocalKafkaBroker {

    static final String DEFAULT_TLS_CLIENT = "edge-gateway";
    static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    static final String PREPARED_FILE = "prepared";

    private LocalKafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("controller-port", String.valueOf(port + 1)));
        Path dataDir = Path.of(options.getOrDefault("data-dir", System.getProperty("java.io.tmpdir") + "/millwright-kafka"));
        Files.createDirectories(dataDir);
        Files.deleteIfExists(dataDir.resolve(PREPARED_FILE));

        List<String> superUsers = options.containsKey("super-user") ? List.of(options.get("super-user").split(",")) : List.of();
        Properties config = brokerConfig(port, controllerPort, dataDir.resolve("log"), superUsers);
        String securePort = options.get("secure-port");
        if (securePort != null) {
            String tlsPassword = options.get("tls-password");
            if (tlsPassword == null || tlsPassword.isBlank()) {
                throw new IllegalArgumentException("--secure-port needs --tls-password (the keystores' password; none is built in)");
            }
            TlsMaterial tls = new TlsMaterial(Path.of(options.getOrDefault("tls-dir", dataDir.resolve("tls").toString())), tlsPassword)
                    .ensure(List.of(options.getOrDefault("tls-client", DEFAULT_TLS_CLIENT).split(",")));
            addSecureListener(config, Integer.parseInt(securePort), tls, tlsPassword);
        }
        for (String override : options.getOrDefault("override", "").split(",")) {
            int eq = override.indexOf('=');
            if (eq > 0) {
                config.setProperty(override.substring(0, eq).trim(), override.substring(eq + 1).trim());
            }
        }
        Path configFile = dataDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(configFile)) {
            config.store(writer, "written by LocalKafkaBroker");
        }

        List<String> scramUsers = options.containsKey("scram-user") ? List.of(options.get("scram-user").split(",")) : List.of();
        // SCRAM users go into the storage when it is formatted; a data directory formatted earlier gets them once the
        // broker is up (before "topics ready" is printed)
        boolean formatted = formatIfNeeded(dataDir, configFile, scramUsers);
        List<String> lateScramUsers = formatted ? List.of() : scramUsers;
        System.out.printf("Millwright local Kafka: bootstrap 127.0.0.1:%d%s, data %s%n", port,
                securePort == null ? "" : " (SASL_SSL on 127.0.0.1:" + securePort + ")", dataDir);
        String topics = options.get("topics");
        List<String> topicNames = topics == null || topics.isBlank() ? List.of() : List.of(topics.split(","));
        List<KafkaAccess> rules = securePort == null ? List.of() : KafkaAccess.ALL;
        Thread preparation = new Thread(() -> prepare(port, lateScramUsers, topicNames, rules, dataDir.resolve(PREPARED_FILE)),
                "broker-preparation");
        preparation.setDaemon(true);
        preparation.start();
        kafka.Kafka.main(new String[] {configFile.toString()});
    }

    static Properties brokerConfig(int port, int controllerPort, Path logDir, List<String> superUsers) {
        Properties p = new Properties();
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        StringBuilder supers = new StringBuilder("User:ANONYMOUS");
        superUsers.forEach(user -> supers.append(";User:").append(user.trim()));
        p.setProperty("super.users", supers.toString());
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.flush.interval.messages", "1");
        return p;
    }

    /** A {@code SASL_SSL} listener on 127.0.0.1: TLS with client certificates required, then SCRAM-SHA-512. */
    static void addSecureListener(Properties p, int securePort, TlsMaterial tls, String password) {
        String secure = "SASL_SSL://127.0.0.1:" + securePort;
        p.setProperty("listeners", p.getProperty("listeners") + "," + secure);
        p.setProperty("advertised.listeners", p.getProperty("advertised.listeners") + "," + secure);
        p.setProperty("listener.security.protocol.map", p.getProperty("listener.security.protocol.map") + ",SASL_SSL:SASL_SSL");
        String prefix = "listener.name.sasl_ssl.";
        p.setProperty(prefix + "sasl.enabled.mechanisms", SCRAM_MECHANISM);
        p.setProperty(prefix + SCRAM_MECHANISM.toLowerCase() + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.setProperty(prefix + "ssl.keystore.location", tls.brokerKeystore().toString());
        p.setProperty(prefix + "ssl.keystore.password", password);
        p.setProperty(prefix + "ssl.key.password", password);
        p.setProperty(prefix + "ssl.keystore.type", "PKCS12");
        p.setProperty(prefix + "ssl.truststore.location", tls.truststore().toString());
        p.setProperty(prefix + "ssl.truststore.password", password);
        p.setProperty(prefix + "ssl.truststore.type", "PKCS12");
        p.setProperty(prefix + "ssl.client.auth", "required");
    }

    /** Formats the storage unless that was done before; true when it formatted now. */
    private static boolean formatIfNeeded(Path dataDir, Path configFile, List<String> scramUsers) throws IOException {
        if (Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            return false;
        }
        String clusterId = Uuid.randomUuid().toString();
        List<String> format = new ArrayList<>(List.of("format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"));
        for (String user : scramUsers) {
            format.add("--add-scram");
            format.add(SCRAM_MECHANISM + "=[name=" + scramName(user) + ",password=" + scramPassword(user) + "]");
        }
        int rc = StorageTool.execute(format.toArray(String[]::new), new PrintStream(System.out, true));
        if (rc != 0) {
            throw new IllegalStateException("Formatting the KRaft storage in " + dataDir + " failed with exit code " + rc);
        }
        return true;
    }

    private static String scramName(String user) {
        int colon = user.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--scram-user takes name:password, got " + user);
        }
        return user.substring(0, colon);
    }

    private static String scramPassword(String user) {
        return user.substring(user.indexOf(':') + 1);
    }

    /**
     * Sets the SCRAM users' passwords, creates the topics that do not exist yet (3 partitions, replication 1) and
     * reconciles the rules of the given principals, retrying until the broker answers; then writes {@code prepared}.
     */
    static void prepare(int port, List<String> scramUsers, List<String> names, List<KafkaAccess> rules, Path prepared) {
        Properties admin = new Properties();
        admin.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        long deadline = System.currentTimeMillis() + 120_000;
        Exception last = null;
        while (System.currentTimeMillis() < deadline) {
            try (Admin client = Admin.create(admin)) {
                if (!scramUsers.isEmpty()) {
                    client.alterUserScramCredentials(scramUsers.stream().<UserScramCredentialAlteration>map(user ->
                            new UserScramCredentialUpsertion(scramName(user), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                                    scramPassword(user))).toList()).all().get(30, TimeUnit.SECONDS);
                }
                Set<String> existing = client.listTopics().names().get(10, TimeUnit.SECONDS);
                List<NewTopic> missing = names.stream().map(String::trim).filter(n -> !n.isEmpty() && !existing.contains(n))
                        .map(n -> new NewTopic(n, 3, (short) 1)).toList();
                if (!missing.isEmpty()) {
                    client.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                }
                String changes = reconcileRules(client, rules);
                Files.writeString(prepared, Instant.now().toString());
                System.out.printf("Millwright local Kafka: topics ready: %s%s%n", names,
                        rules.isEmpty() ? "" : "; rules of " + rules.stream().map(KafkaAccess::principal).toList() + " " + changes);
                return;
            } catch (Exception e) {
                last = e;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        System.err.println("Millwright local Kafka: could not create topics " + names + ", SCRAM users or rules: " + last);
    }

    /** Makes the principals' ACLs exactly their {@link KafkaAccess#aclBindings()}; says what it changed. */
    static String reconcileRules(Admin client, List<KafkaAccess> rules) throws Exception {
        if (rules.isEmpty()) {
            return "";
        }
        Set<AclBinding> wanted = new LinkedHashSet<>();
        rules.forEach(access -> wanted.addAll(access.aclBindings()));
        Set<String> principals = new HashSet<>();
        rules.forEach(access -> principals.add(access.kafkaPrincipal()));
        Collection<AclBinding> present = client.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
        List<AclBinding> extra = present.stream().filter(b -> principals.contains(b.entry().principal()) && !wanted.contains(b)).toList();
        List<AclBinding> missing = wanted.stream().filter(b -> !present.contains(b)).toList();
        if (!extra.isEmpty()) {
            client.deleteAcls(extra.stream().map(AclBinding::toFilter).toList()).all().get(30, TimeUnit.SECONDS);
        }
        if (!missing.isEmpty()) {
            client.createAcls(missing).all().get(30, TimeUnit.SECONDS);
        }
        return "(" + wanted.size() + " rules: " + missing.size() + " added, " + extra.size() + " removed)";
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Usage: --port N --controller-port N --data-dir DIR [--override k=v,k=v] [--topics a,b]"
                        + " [--super-user NAME]..."
                        + " [--secure-port N [--tls-dir DIR] [--tls-password P] [--tls-client NAME]... [--scram-user name:password]...]; got " + args[i]);
            }
            options.merge(args[i].substring(2), args[++i], (a, b) -> a + "," + b);
        }
        return options;
    }
}
