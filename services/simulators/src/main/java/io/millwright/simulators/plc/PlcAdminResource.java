package io.millwright.simulators.plc;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.millwright.simulators.common.Problems;

/** Drives the simulated PLC: its holding registers by 1-based address ({@code holding-register:<address>}). */
@Path("/sim/plc")
@Produces(MediaType.APPLICATION_JSON)
public class PlcAdminResource {

    public record RegisterValue(Integer value) {
    }

    @Inject
    SimulatedPlc plc;

    /** The Modbus port and every register that is not 0. */
    @GET
    @Path("/registers")
    public Map<String, Object> registers() {
        return Map.of("modbusPort", plc.port(), "registers", plc.nonZero());
    }

    @PUT
    @Path("/registers/{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response set(@PathParam("address") int address, RegisterValue value) {
        if (value == null || value.value() == null || value.value() < 0 || value.value() > 0xFFFF) {
            return Problems.badRequest("value must be a number from 0 to 65535");
        }
        if (address < 1 || address > SimulatedPlc.REGISTERS) {
            return Problems.badRequest("address must be between 1 and " + SimulatedPlc.REGISTERS);
        }
        plc.set(address, value.value());
        return Response.ok(Map.of("address", address, "value", plc.get(address))).build();
    }

    @POST
    @Path("/reset")
    public Response reset() {
        plc.reset();
        return Response.noContent().build();
    }
}
