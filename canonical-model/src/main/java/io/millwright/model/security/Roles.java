package io.millwright.model.security;

import java.util.List;

/**
 * The platform's roles, carried by bearer tokens of the OpenID Connect provider (Keycloak realm roles, or the
 * {@code groups} claim). One role per integrating system, one for the people who operate the platform, one for those
 * who only read. A service's operations name the roles that may call them with {@code @RolesAllowed}.
 */
public final class Roles {

    /** The CRM: submits orders, reads their status. */
    public static final String CRM_INTEGRATION = "crm-integration";
    /** The MES: acknowledges work orders, sends confirmations. */
    public static final String MES_INTEGRATION = "mes-integration";
    /** The WMS: books receipts. */
    public static final String WMS_INTEGRATION = "wms-integration";
    /** The QMS/LIMS: places and releases quality holds, sends inspection results. */
    public static final String QMS_INTEGRATION = "qms-integration";
    /** The EAM/CMMS: maintenance work orders and their outcome. */
    public static final String EAM_INTEGRATION = "eam-integration";
    /** People who run the platform: dead-letter replay and discard, manual holds and releases, reconciliation runs. */
    public static final String OPERATOR = "operator";
    /** People and services that only read: status, timelines, balances, dead letters. */
    public static final String VIEWER = "viewer";

    /** Every role, e.g. for a test caller that may do anything. */
    public static final List<String> ALL = List.of(CRM_INTEGRATION, MES_INTEGRATION, WMS_INTEGRATION, QMS_INTEGRATION,
            EAM_INTEGRATION, OPERATOR, VIEWER);

    private Roles() {
    }
}
