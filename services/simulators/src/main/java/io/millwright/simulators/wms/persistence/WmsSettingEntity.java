package io.millwright.simulators.wms.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The WMS's one settings row (id 1). */
@Entity
@Table(name = "wms_setting", schema = "wms_sim")
public class WmsSettingEntity extends PanacheEntityBase {

    @Id
    public Integer id;

    public String inventoryServiceBaseUrl;

    /** Where shipments are confirmed (order-service). */
    public String orderServiceBaseUrl;

    /** Ship each delivery as soon as it is released. */
    public boolean autoShip;

    public static WmsSettingEntity current() {
        return findById(1);
    }
}
