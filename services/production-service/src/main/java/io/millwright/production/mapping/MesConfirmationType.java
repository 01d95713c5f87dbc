package io.millwright.production.mapping;

import io.millwright.model.production.ConfirmationKind;

/** The MES's confirmation types and the canonical kind each one is. */
public enum MesConfirmationType {
    YIELD(ConfirmationKind.COMPLETION),
    SCRAP(ConfirmationKind.SCRAP),
    CONSUMPTION(ConfirmationKind.CONSUMPTION),
    LABOUR(ConfirmationKind.LABOUR);

    private final ConfirmationKind kind;

    MesConfirmationType(ConfirmationKind kind) {
        this.kind = kind;
    }

    public ConfirmationKind kind() {
        return kind;
    }
}
