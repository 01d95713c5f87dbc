package io.millwright.inventory.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.millwright.model.inventory.StockStatus;

class BalanceRulesTest {

    @Test
    void receiptIntoAHeldLotIsHeld() {
        assertThat(BalanceRules.receiptStatus(true, Map.of(StockStatus.UNRESTRICTED, new BigDecimal("5"))))
                .isEqualTo(StockStatus.QUALITY_HOLD);
    }

    @Test
    void receiptJoinsThePositionsStatusLikeErp() {
        assertThat(BalanceRules.receiptStatus(false, Map.of())).isEqualTo(StockStatus.UNRESTRICTED);
        assertThat(BalanceRules.receiptStatus(false, Map.of(StockStatus.QUALITY_HOLD, new BigDecimal("15"))))
                .isEqualTo(StockStatus.QUALITY_HOLD);
        assertThat(BalanceRules.receiptStatus(false, Map.of(StockStatus.BLOCKED, BigDecimal.ONE))).isEqualTo(StockStatus.BLOCKED);
        assertThat(BalanceRules.receiptStatus(false, Map.of(StockStatus.UNRESTRICTED, BigDecimal.ONE, StockStatus.QUALITY_HOLD,
                BigDecimal.TEN))).isEqualTo(StockStatus.UNRESTRICTED);
        // a held position that was emptied no longer decides the status
        assertThat(BalanceRules.receiptStatus(false, Map.of(StockStatus.QUALITY_HOLD, BigDecimal.ZERO)))
                .isEqualTo(StockStatus.UNRESTRICTED);
    }

    @Test
    void issueDrawsOnSourcesInOrderAndStopsWhenCovered() {
        List<BalanceRules.Take<String>> takes = BalanceRules.planIssue(new BigDecimal("12"), List.of(
                new BalanceRules.Source<>("lot-a", new BigDecimal("5")),
                new BalanceRules.Source<>("lot-b", BigDecimal.ZERO),
                new BalanceRules.Source<>("lot-c", new BigDecimal("10")),
                new BalanceRules.Source<>("lot-d", new BigDecimal("10"))), "RM-300");
        assertThat(takes).containsExactly(new BalanceRules.Take<>("lot-a", new BigDecimal("5")),
                new BalanceRules.Take<>("lot-c", new BigDecimal("7")));
    }

    @Test
    void issueBeyondUnrestrictedStockIsRefusedWhole() {
        assertThatThrownBy(() -> BalanceRules.planIssue(new BigDecimal("11"),
                List.of(new BalanceRules.Source<>("lot-a", new BigDecimal("10.5"))), "RM-300 lot L-1 at 1000/RM01"))
                .isInstanceOf(InsufficientStockException.class)
                .hasMessage("only 10.5 unrestricted of RM-300 lot L-1 at 1000/RM01, 11 to issue");
        assertThatThrownBy(() -> BalanceRules.planIssue(BigDecimal.ONE, List.of(), "RM-300"))
                .isInstanceOf(InsufficientStockException.class);
        assertThatThrownBy(() -> BalanceRules.planIssue(BigDecimal.ZERO, List.of(), "RM-300"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void availabilityCoversWhenUnrestrictedIsAtLeastTheRequest() {
        assertThat(BalanceRules.covers(new BigDecimal("20"), new BigDecimal("20.000"))).isTrue();
        assertThat(BalanceRules.covers(new BigDecimal("20"), new BigDecimal("20.001"))).isFalse();
    }
}
