package io.millwright.kit.testsupport;

import java.util.concurrent.CountDownLatch;

import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.PostgresDatabase;

/**
 * A stand-in test JVM for {@link TestJvmExitTest}: takes the shared database and broker, reports them on stdout,
 * then exits normally ({@code exit}) or waits to be killed ({@code wait}).
 */
public final class InfrastructureInChildJvm {

    private InfrastructureInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        PostgresDatabase database = PostgresDatabase.shared();
        KafkaBroker broker = KafkaBroker.shared();
        System.out.println("READY database=" + database.name() + " kafka=" + broker.bootstrapServers());
        System.out.flush();
        if (args.length > 0 && "exit".equals(args[0])) {
            System.exit(0);
        }
        new CountDownLatch(1).await();
    }
}
