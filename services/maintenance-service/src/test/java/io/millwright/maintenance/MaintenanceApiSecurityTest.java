package io.millwright.maintenance;

import io.millwright.kit.testing.ApiSecurityContract;
import io.millwright.kit.testing.IdentityProvider;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * maintenance-service's API: every operation needs a token with one of its roles (walked from the OpenAPI document).
 * The resources are those of every test of the module (a Quarkus test resource applies to all test classes).
 */
@QuarkusTest
@QuarkusTestResource(IdentityProvider.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(EamWebhookSecret.class)
@QuarkusTestResource(PlantServices.class)
class MaintenanceApiSecurityTest extends ApiSecurityContract {
}
