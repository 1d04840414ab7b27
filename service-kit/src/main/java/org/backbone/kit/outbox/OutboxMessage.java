package org.backbone.kit.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of the outbox table (see db/kit/V1__outbox_and_inbox.sql). Written only by {@link Outbox},
 * many rows to a statement; mapped so that the table is part of every service's persistence unit.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    public UUID id;
    public String topic;
    @Column(name = "record_key")
    public String recordKey;
    public String type;
    public String source;
    public String subject;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;
    /** See {@link org.backbone.kit.events.CloudEventHeaders#ACTOR}. */
    public String actor;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
