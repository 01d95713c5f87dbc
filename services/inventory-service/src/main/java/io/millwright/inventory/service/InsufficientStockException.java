package io.millwright.inventory.service;

/**
 * An issue would make stock negative. Retried by the consumer (the receipt may still be on its way), then
 * dead-lettered with this message so an operator can correct stock and replay.
 */
public class InsufficientStockException extends RuntimeException {

    public InsufficientStockException(String message) {
        super(message);
    }
}
