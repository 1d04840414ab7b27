package org.backbone.agenda.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.backbone.contracts.agenda.Horizon;

/** A goal of the ratified agenda: ACTIVE while the version in force holds it, RETIRED once dropped. */
@Entity
@Table(name = "goal")
public class GoalEntity extends PanacheEntityBase {

    public enum Status { ACTIVE, RETIRED }

    @Embeddable
    public record Key(@Column(name = "initiative_id") UUID initiativeId, @Column(name = "id") UUID id)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "parent_id")
    public UUID parentId;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public Horizon horizon;
    @Column(name = "equity_focus")
    public String equityFocus;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "activated_in")
    public int activatedIn;
    @Column(name = "retired_in")
    public Integer retiredIn;
}
