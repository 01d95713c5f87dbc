package io.millwright.console.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformClientTest {

    @Test
    void edgeGatewaysAreReadAsPlantEqualsUrl() {
        assertThat(PlatformClient.parseGateways(" plant-1=http://10.0.0.5:8085/ , plant-2=http://10.0.1.5:8085"))
                .containsExactly(java.util.Map.entry("plant-1", "http://10.0.0.5:8085"), java.util.Map.entry("plant-2", "http://10.0.1.5:8085"));
        assertThat(PlatformClient.parseGateways("")).isEmpty();
        assertThatThrownBy(() -> PlatformClient.parseGateways("http://10.0.0.5:8085")).hasMessageContaining("is not plant=url");
    }

    @Test
    void aFailedCallSaysWhoAndWhy() {
        assertThat(Answer.failed("order-service", "ConnectException").problem()).isEqualTo("order-service did not answer: ConnectException");
        assertThat(new Answer("quality-service", 403, "", null).problem()).isEqualTo("quality-service refused the request (HTTP 403)");
        assertThat(new Answer("quality-service", 200, "[]", null).problem()).isNull();
    }
}
