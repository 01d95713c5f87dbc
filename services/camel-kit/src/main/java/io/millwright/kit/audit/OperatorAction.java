package io.millwright.kit.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One action a person or system took by hand, as {@link OperatorActions} recorded it. */
@Entity
@Table(name = "kit_operator_action")
public class OperatorAction extends PanacheEntityBase {

    @Id
    public UUID id;

    public Instant at;

    /** The token's user (preferred user name) or, for a client-credentials token, its service account. */
    public String actor;

    /** The OAuth 2.0 client the token was issued to ({@code azp}). */
    public String clientId;

    /** What was done, e.g. {@code DEAD_LETTER_REPLAY}. */
    public String action;

    /** What it was done to: a dead letter's id, a hold id, a movement id, a reconciliation run. */
    public String subject;

    public String detail;

    public String correlationId;
}
