package org.backbone.agenda.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.backbone.contracts.agenda.Sector;

@Entity
@Table(name = "organisation")
public class OrganisationEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    public String country;
    public String website;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;
}
