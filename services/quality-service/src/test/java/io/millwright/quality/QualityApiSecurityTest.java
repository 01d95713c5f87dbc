package io.millwright.quality;

import io.millwright.kit.testing.ApiSecurityContract;
import io.millwright.kit.testing.IdentityProvider;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of this service's API, walked from its OpenAPI document: 401 without a token, 403 without its role,
 * let in with each of its roles; invalid tokens refused. {@link IdentityProvider} is declared here for every test of
 * the module (a Quarkus test resource applies to all test classes).
 */
@QuarkusTest
@QuarkusTestResource(IdentityProvider.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class QualityApiSecurityTest extends ApiSecurityContract {
}
