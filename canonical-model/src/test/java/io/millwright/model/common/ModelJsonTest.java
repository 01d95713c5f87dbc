package io.millwright.model.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.millwright.model.samples.Samples;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    private final ObjectMapper json = ModelJson.mapper();

    @Test
    void writesIsoTimestampsAndDatesPlainDecimalsAndNoNulls() throws Exception {
        String text = json.writeValueAsString(Samples.LOT);

        assertThat(text).contains("\"productionFinishedAt\":\"2025-03-14T08:15:30.123Z\"")
                .contains("\"expiryDate\":\"2027-03-14\"")
                .doesNotContain("supplierBatch")
                .doesNotContain("null");
        assertThat(json.writeValueAsString(new Quantity(new BigDecimal("1E+3"), "EA")))
                .isEqualTo("{\"value\":1000,\"unitOfMeasure\":\"EA\"}");
    }

    @Test
    void readsDecimalsWithoutBinaryFloatingPointLoss() throws Exception {
        JsonNode node = json.readTree("{\"x\":0.1}");
        Map<?, ?> map = json.readValue("{\"x\":0.1}", Map.class);

        assertThat(node.get("x").decimalValue()).isEqualTo(new BigDecimal("0.1"));
        assertThat(map.get("x")).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void refusesTextADatabaseCannotStoreNamingTheField() {
        assertThatThrownBy(() -> json.readValue("{\"value\":1,\"unitOfMeasure\":\"E\\u0000A\"}", Quantity.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining(StorableText.NUL_MESSAGE)
                .satisfies(e -> assertThat(((InvalidFormatException) e).getPath()).extracting(ref -> ref.getFieldName())
                        .containsExactly("unitOfMeasure"));
        assertThatThrownBy(() -> json.readValue("[\"ok\",\"n\\u0000ul\"]", String[].class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void readsOtherControlCharactersAndUnicodeAsTheyAre() throws Exception {
        assertThat(json.readValue("\"tab\\tline\\nü\\u2603\"", String.class)).isEqualTo("tab\tline\nü\u2603");
    }

    @Test
    void ignoresUnknownProperties() throws Exception {
        Quantity quantity = json.readValue("{\"value\":2.5,\"unitOfMeasure\":\"KG\",\"precision\":3}", Quantity.class);

        assertThat(quantity).isEqualTo(Quantity.of("2.5", "KG"));
    }

    @Test
    void configureAlignsAFrameworkOwnedMapper() throws Exception {
        ObjectMapper own = ModelJson.configure(new ObjectMapper());

        assertThat(own.writeValueAsString(Samples.ORDER_ACCEPTED)).isEqualTo(json.writeValueAsString(Samples.ORDER_ACCEPTED));
        assertThat(ModelJson.newMapper()).isNotSameAs(json);
    }
}
