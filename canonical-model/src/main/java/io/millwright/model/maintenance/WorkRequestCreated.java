package io.millwright.model.maintenance;

import io.millwright.model.common.Require;

public record WorkRequestCreated(WorkRequest workRequest) {

    public WorkRequestCreated {
        Require.nonNull(workRequest, "workRequest");
    }
}
