package io.millwright.simulators.mes.service;

import io.millwright.simulators.common.Outage;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Forgets work orders and confirmations, restores default settings, clears the outage, drops pending acknowledgements. */
@ApplicationScoped
public class MesReset {

    private static final Logger LOG = Logger.getLogger(MesReset.class);

    @Inject
    EntityManager em;

    @Inject
    Acknowledger acknowledger;

    @Inject
    @Named("mes")
    Outage outage;

    @Transactional
    public void reset() {
        acknowledger.forgetPending();
        em.createNativeQuery("truncate table mes_sim.work_order, mes_sim.confirmation_send").executeUpdate();
        em.createNativeQuery("update mes_sim.mes_setting set production_service_base_url = null,"
                + " auto_acknowledge = true, ack_delay_ms = 0").executeUpdate();
        em.clear();
        outage.clear();
        LOG.info("MES simulator reset");
    }
}
