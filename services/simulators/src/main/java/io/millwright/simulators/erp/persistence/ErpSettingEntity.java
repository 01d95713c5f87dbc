package io.millwright.simulators.erp.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The simulated ERP's one settings row (id 1): where releases are announced and whether they happen by themselves. */
@Entity
@Table(name = "erp_setting")
public class ErpSettingEntity extends PanacheEntityBase {

    @Id
    public Integer id;

    public String releaseCallbackUrl;

    public boolean autoRelease;

    public long autoReleaseDelayMs;

    public static ErpSettingEntity current() {
        return findById(1);
    }
}
