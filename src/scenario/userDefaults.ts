// The default user attributes (as written): the schema's defaults, also read by the cross-field
// checks of user matches and by manifest readers that name regions and platforms. A module of its
// own, importing nothing, so that readers below the schema can use them without an import cycle.
export const DEFAULT_REGIONS = { us: '50%', eu: '30%', apac: '20%' };
export const DEFAULT_PLATFORMS = { web: '60%', ios: '25%', android: '15%' };
