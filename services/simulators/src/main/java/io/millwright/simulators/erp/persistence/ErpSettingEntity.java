package io.millwright.simulators.erp.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The simulated ERP's one settings row (id 1): where releases are announced and whether they happen by themselves. */
@Entity
@Table(name = "erp_setting")
public class ErpSettingEntity extends PanacheEntityBase {

    @Id
    public Integer id;

    @Column(name = "release_callback_url")
    public String releaseCallbackUrl;

    @Column(name = "auto_release")
    public boolean autoRelease;

    @Column(name = "auto_release_delay_ms")
    public long autoReleaseDelayMs;

    public static ErpSettingEntity current() {
        return findById(1);
    }
}
