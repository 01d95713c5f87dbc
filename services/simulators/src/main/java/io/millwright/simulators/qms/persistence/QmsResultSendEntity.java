package io.millwright.simulators.qms.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A result the simulated QMS sent to quality-service, with the answer it got (every send, resends included). */
@Entity
@Table(name = "result_send", schema = "qms_sim")
public class QmsResultSendEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String resultId;

    public String lotId;

    public String verdict;

    public String body;

    public int status;

    public String answer;

    public Instant sentAt;
}
