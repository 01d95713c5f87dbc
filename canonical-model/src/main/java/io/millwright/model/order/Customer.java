package io.millwright.model.order;

import io.millwright.model.common.Money;
import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;

/** Customer master data with the commercial terms order validation checks. */
public record Customer(
        String customerId,
        String name,
        @Nullable String crmAccountId,
        @Nullable String erpCustomerNumber,
        String currency,
        @Nullable String paymentTermsCode,
        @Nullable Money creditLimit,
        boolean blocked) {

    public Customer {
        Require.nonBlank(customerId, "customerId");
        Require.nonBlank(name, "name");
        Require.nonBlankIfPresent(crmAccountId, "crmAccountId");
        Require.nonBlankIfPresent(erpCustomerNumber, "erpCustomerNumber");
        Require.nonBlank(currency, "currency");
        Require.nonBlankIfPresent(paymentTermsCode, "paymentTermsCode");
    }
}
