package io.millwright.edge.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusPageTest {

    @Test
    void connectionStringsAreShownWithoutCredentials() {
        assertThat(StatusPage.withoutCredentials("modbus-tcp://10.20.0.11:502?unit-identifier=1"))
                .isEqualTo("modbus-tcp://10.20.0.11:502?unit-identifier=1");
        assertThat(StatusPage.withoutCredentials("opcua:tcp://operator:s3cret@10.20.0.12:4840/milo?discovery=false"))
                .isEqualTo("opcua:tcp://***@10.20.0.12:4840/milo?discovery=false");
        assertThat(StatusPage.withoutCredentials("opcua:tcp://10.20.0.12:4840?username=op&password=s3cret&key-store-password=x&discovery=false"))
                .isEqualTo("opcua:tcp://10.20.0.12:4840?username=***&password=***&key-store-password=***&discovery=false");
    }

    @Test
    void textIsEscaped() {
        assertThat(StatusPage.escape("<b>\"a\" & 'b'</b>")).isEqualTo("&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;");
    }
}
