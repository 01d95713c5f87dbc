package io.millwright.deploy.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

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
 */
public final class LocalKafkaBroker {

    private LocalKafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("controller-port", String.valueOf(port + 1)));
        Path dataDir = Path.of(options.getOrDefault("data-dir", System.getProperty("java.io.tmpdir") + "/millwright-kafka"));
        Files.createDirectories(dataDir);

        Properties config = brokerConfig(port, controllerPort, dataDir.resolve("log"));
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

        formatIfNeeded(dataDir, configFile);
        System.out.printf("Millwright local Kafka: bootstrap 127.0.0.1:%d, data %s%n", port, dataDir);
        String topics = options.get("topics");
        if (topics != null && !topics.isBlank()) {
            Thread creator = new Thread(() -> createTopics(port, List.of(topics.split(","))), "topic-creator");
            creator.setDaemon(true);
            creator.start();
        }
        kafka.Kafka.main(new String[] {configFile.toString()});
    }

    static Properties brokerConfig(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
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

    private static void formatIfNeeded(Path dataDir, Path configFile) throws IOException {
        if (Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"},
                new PrintStream(System.out, true));
        if (rc != 0) {
            throw new IllegalStateException("Formatting the KRaft storage in " + dataDir + " failed with exit code " + rc);
        }
    }

    /** Creates the topics that do not exist yet (3 partitions, replication 1), retrying until the broker answers. */
    static void createTopics(int port, List<String> names) {
        Properties admin = new Properties();
        admin.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try (Admin client = Admin.create(admin)) {
                Set<String> existing = client.listTopics().names().get(10, TimeUnit.SECONDS);
                List<NewTopic> missing = names.stream().map(String::trim).filter(n -> !n.isEmpty() && !existing.contains(n))
                        .map(n -> new NewTopic(n, 3, (short) 1)).toList();
                if (!missing.isEmpty()) {
                    client.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                }
                System.out.printf("Millwright local Kafka: topics ready: %s%n", names);
                return;
            } catch (Exception e) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        System.err.println("Millwright local Kafka: could not create topics " + names);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Usage: --port N --controller-port N --data-dir DIR [--override k=v,k=v] [--topics a,b]; got " + args[i]);
            }
            options.merge(args[i].substring(2), args[++i], (a, b) -> a + "," + b);
        }
        return options;
    }
}
