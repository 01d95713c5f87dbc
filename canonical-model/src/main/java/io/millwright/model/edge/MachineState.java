package io.millwright.model.edge;

public enum MachineState {
    RUNNING,
    IDLE,
    SETUP,
    FAULT,
    MAINTENANCE,
    OFFLINE,
    /** No trustworthy state signal (e.g. PLC unreachable). */
    UNKNOWN
}
