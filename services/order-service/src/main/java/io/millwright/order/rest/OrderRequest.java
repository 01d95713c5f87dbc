package io.millwright.order.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** An order as the CRM posts it (REST body, or the value of a message on the CRM orders topic). */
public record OrderRequest(
        @NotBlank @Size(max = 100) String crmOrderId,
        @NotBlank @Size(max = 50) String customerId,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency,
        LocalDate requestedDeliveryDate,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines) {

    public record Line(
            @Positive Integer lineNumber,
            @NotBlank @Size(max = 50) String itemId,
            @NotNull @Positive @Digits(integer = 13, fraction = 6) BigDecimal quantity,
            @NotBlank @Size(max = 10) String unitOfMeasure,
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal unitPrice) {
    }
}
