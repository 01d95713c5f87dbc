package io.millwright.model.edge;

/**
 * Everything the edge forwards is numbered per source (gateway connection), gap-free and strictly
 * increasing, so the cloud side can dedupe replays and detect loss with {@code (sourceId, sequenceNumber)}.
 */
public interface SourceSequenced {

    String plantId();

    String sourceId();

    long sequenceNumber();
}
