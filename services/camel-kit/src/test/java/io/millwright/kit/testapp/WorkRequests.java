package io.millwright.kit.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.millwright.kit.workqueue.WorkQueues;

/** What a service does with a work queue: create work in the transaction of its own state change. */
@ApplicationScoped
public class WorkRequests {

    @Inject
    WorkQueues queues;

    @Transactional
    public boolean request(String queue, String key, String orderingKey) {
        return queues.enqueue(queue, key, key, orderingKey);
    }

    /** Enqueues, then fails, rolling the work back with the rest of the transaction. */
    @Transactional
    public void requestAndFail(String queue, String key) {
        queues.enqueue(queue, key, key);
        throw new SimulatedOutageException("Failing after " + key + " was enqueued");
    }
}
