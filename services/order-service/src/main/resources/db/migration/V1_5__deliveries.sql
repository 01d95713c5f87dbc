-- O3/O4 shipped: one outbound delivery per order, released to the WMS once the order is ready to ship and no lot of
-- it is on quality hold (BLOCKED until then), SHIPPED when the WMS confirms the shipment.
CREATE TABLE delivery (
    order_id       VARCHAR(40) PRIMARY KEY REFERENCES sales_order (id),
    delivery_id    VARCHAR(60) NOT NULL UNIQUE,
    status         VARCHAR(20) NOT NULL,
    blocked_reason TEXT,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at    TIMESTAMP WITH TIME ZONE,
    shipment_id    VARCHAR(60),
    shipped_at     TIMESTAMP WITH TIME ZONE
);
