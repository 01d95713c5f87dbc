package io.millwright.order.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step in an order's life, with the correlation and trace ids under which it happened (SPEC O5). */
@Entity
@Table(name = "order_timeline")
public class TimelineEntryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_timeline_seq")
    @SequenceGenerator(name = "order_timeline_seq", sequenceName = "order_timeline_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String orderId;

    @Column(nullable = false)
    public String step;

    public String detail;

    @Column(nullable = false)
    public Instant at;

    public String correlationId;

    public String traceId;

    public static List<TimelineEntryEntity> forOrder(String orderId) {
        return list("orderId = ?1 order by at, id", orderId);
    }
}
