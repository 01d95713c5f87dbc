package io.millwright.simulators.mes.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The MES's one settings row (id 1). */
@Entity
@Table(name = "mes_setting", schema = "mes_sim")
public class MesSettingEntity extends PanacheEntityBase {

    @Id
    public Integer id;

    public String productionServiceBaseUrl;

    public boolean autoAcknowledge;

    public long ackDelayMs;

    public static MesSettingEntity current() {
        return findById(1);
    }
}
