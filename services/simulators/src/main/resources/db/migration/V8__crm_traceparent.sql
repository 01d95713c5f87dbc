-- The W3C traceparent of a milestone's first delivery, to follow a milestone back to the trace that sent it.
alter table crm_sim.milestone add column traceparent varchar(200);
