package io.millwright.kit.workqueue;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

import io.millwright.kit.config.KitConfig;

/** One work queue, by name. */
public class WorkQueueEndpoint extends DefaultEndpoint {

    private final String queue;

    WorkQueueEndpoint(String uri, WorkQueueComponent component, String queue) {
        super(uri, component);
        this.queue = queue;
    }

    public String queue() {
        return queue;
    }

    KitConfig.WorkQueue settings() {
        return component().config.workQueues().get(queue);
    }

    WorkQueueComponent component() {
        return (WorkQueueComponent) getComponent();
    }

    @Override
    public Producer createProducer() {
        return new WorkQueueProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        WorkQueueConsumer consumer = new WorkQueueConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }
}
