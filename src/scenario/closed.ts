// Closed mappings: every scenario mapping rejects keys it does not declare.
import { z } from 'zod';

// zod reports all unknown keys of a mapping as one issue that does not name the accepted keys.
// We want one error per key with a did-you-mean, so each closed mapping records, for the input
// object it rejected, which keys it accepts. Keyed weakly by the input: nothing outlives a parse.
const acceptedKeys = new WeakMap<object, readonly string[]>();

/**
 * A zod object that rejects unknown keys (JSON Schema: `additionalProperties: false`). `notAMapping`
 * may word the error for a value that is not a mapping at all (e.g. a bare number for bounds).
 */
export function closed<const S extends z.core.$ZodLooseShape>(shape: S, description: string, notAMapping?: (input: unknown) => string | undefined) {
  const known = Object.keys(shape);
  return z
    .strictObject(shape, {
      error: (iss) => {
        if (iss.code === 'unrecognized_keys' && typeof iss.input === 'object' && iss.input !== null) {
          acceptedKeys.set(iss.input, known);
        }
        if (iss.code === 'invalid_type' && iss.input !== undefined && notAMapping) return notAMapping(iss.input);
        return undefined; // the wording is left to the shared error map
      },
    })
    .describe(description);
}

/** The keys accepted by the closed mapping that rejected `input` (undefined if unknown). */
export function acceptedKeysFor(input: unknown): readonly string[] | undefined {
  return typeof input === 'object' && input !== null ? acceptedKeys.get(input) : undefined;
}
