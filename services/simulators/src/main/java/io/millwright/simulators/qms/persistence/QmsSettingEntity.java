package io.millwright.simulators.qms.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The QMS's one settings row (id 1). */
@Entity
@Table(name = "qms_setting", schema = "qms_sim")
public class QmsSettingEntity extends PanacheEntityBase {

    @Id
    public Integer id;

    public String qualityServiceBaseUrl;

    public static QmsSettingEntity current() {
        return findById(1);
    }
}
