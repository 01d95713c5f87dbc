package io.millwright.model.common;

/**
 * A line, work centre or machine: where production runs and what maintenance looks after. The same
 * id is the asset id in edge telemetry, so production, quality and maintenance can join on it.
 */
public record Resource(
        String resourceId,
        String plantId,
        String name,
        ResourceType type,
        @Nullable String parentResourceId,
        @Nullable String costCenter,
        @Nullable String eamAssetId) {

    public Resource {
        Require.nonBlank(resourceId, "resourceId");
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(name, "name");
        Require.nonNull(type, "type");
        Require.nonBlankIfPresent(parentResourceId, "parentResourceId");
        Require.nonBlankIfPresent(costCenter, "costCenter");
        Require.nonBlankIfPresent(eamAssetId, "eamAssetId");
    }
}
