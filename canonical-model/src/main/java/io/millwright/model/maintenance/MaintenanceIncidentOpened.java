package io.millwright.model.maintenance;

import io.millwright.model.common.Require;

public record MaintenanceIncidentOpened(MaintenanceIncident incident) {

    public MaintenanceIncidentOpened {
        Require.nonNull(incident, "incident");
    }
}
