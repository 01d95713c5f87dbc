package io.millwright.maintenance.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.maintenance.eam.EamWorkRequests;
import io.millwright.maintenance.edge.MachineEventRetention;
import io.millwright.maintenance.erp.ErpPostings;
import io.millwright.maintenance.hold.WindowHoldRequests;
import io.millwright.maintenance.incident.IncidentFollowUps;
import io.millwright.maintenance.incident.Incidents;
import io.millwright.maintenance.production.WorkOrderCorrelation;

/**
 * The incident clock (group-wait and resolve-after, M1) and the work an incident sets off, each from its work queue
 * (M2 work order correlation and EAM work request, M3 ERP postings, M5 window hold): retried with growing pauses up to
 * the queue's attempt budget, then a dead letter whose replay delivers it again.
 */
@ApplicationScoped
public class IncidentRoutes extends RouteBuilder {

    public static final String CLOCK_ROUTE_ID = "maintenance.incident-clock";

    @Inject
    Incidents incidents;

    @Inject
    WorkOrderCorrelation correlation;

    @Inject
    EamWorkRequests workRequests;

    @Inject
    ErpPostings erpPostings;

    @Inject
    WindowHoldRequests holds;

    @Inject
    MachineEventRetention retention;

    @Override
    public void configure() {
        from("timer:maintenance-incident-clock?period={{millwright.maintenance.incidents.evaluation-interval}}")
                .routeId(CLOCK_ROUTE_ID)
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(incidents, "evaluate");

        from("timer:maintenance-edge-retention?period=1h&delay=60000")
                .routeId("maintenance.edge-retention")
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(retention, "purge");

        from(WorkQueues.uri(IncidentFollowUps.CORRELATE))
                .routeId(IncidentFollowUps.CORRELATE)
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .bean(correlation, "correlate");

        from(WorkQueues.uri(IncidentFollowUps.EAM))
                .routeId(IncidentFollowUps.EAM)
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .bean(workRequests, "sync");

        from(WorkQueues.uri(IncidentFollowUps.ERP))
                .routeId(IncidentFollowUps.ERP)
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .bean(erpPostings, "post");

        from(WorkQueues.uri(IncidentFollowUps.QUALITY_HOLD))
                .routeId(IncidentFollowUps.QUALITY_HOLD)
                .routeConfigurationId(MillwrightRouteConfiguration.WORK_QUEUE_ID)
                .bean(holds, "request");
    }
}
