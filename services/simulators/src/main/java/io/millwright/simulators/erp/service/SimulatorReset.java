package io.millwright.simulators.erp.service;

import java.util.List;

import org.jboss.logging.Logger;

import io.millwright.simulators.erp.fault.FaultInjector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Back to the seeded state: no sales orders, postings or calls, seed stock, no production orders but the seeded
 * ones, default settings, document numbering from 100001, no fault.
 */
@ApplicationScoped
public class SimulatorReset {

    private static final Logger LOG = Logger.getLogger(SimulatorReset.class);

    private static final List<String> SEQUENCES = List.of("sales_order_number_seq", "confirmation_document_seq",
            "movement_document_seq", "downtime_document_seq", "maintenance_cost_document_seq",
            "stock_status_document_seq");

    @Inject
    EntityManager em;

    @Inject
    FaultInjector faults;


    @Transactional
    public void reset() {
        em.createNativeQuery("truncate table {h-schema}sales_order_line, {h-schema}sales_order, {h-schema}posting,"
                + " {h-schema}erp_call, {h-schema}stock_balance restart identity").executeUpdate();
        em.createNativeQuery("insert into {h-schema}stock_balance"
                + " (item_id, plant, location, lot, status, quantity, unit_of_measure)"
                + " select item_id, plant, location, lot, status, quantity, unit_of_measure from {h-schema}stock_seed")
                .executeUpdate();
        // production orders made at run time go; their numbers and lots are not reused (see V3 migration)
        em.createNativeQuery("delete from {h-schema}production_order_component where production_order_number in"
                + " (select production_order_number from {h-schema}production_order where origin = 'CREATED')")
                .executeUpdate();
        em.createNativeQuery("delete from {h-schema}production_order_operation where production_order_number in"
                + " (select production_order_number from {h-schema}production_order where origin = 'CREATED')")
                .executeUpdate();
        em.createNativeQuery("delete from {h-schema}production_order where origin = 'CREATED'").executeUpdate();
        em.createNativeQuery("update {h-schema}erp_setting set release_callback_url = null, auto_release = false,"
                + " auto_release_delay_ms = " + ErpSettings.DEFAULT_AUTO_RELEASE_DELAY_MS).executeUpdate();
        for (String sequence : SEQUENCES) {
            em.createNativeQuery("alter sequence {h-schema}" + sequence + " restart with 100001").executeUpdate();
        }
        em.clear();
        faults.clear();
        LOG.info("ERP simulator reset to seed data");
    }
}
