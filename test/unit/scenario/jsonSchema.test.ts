import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../../src/scenario/schema';
import { FAULT_KINDS } from '../../../src/world/faults/types';

type Json = { [key: string]: unknown };

/** Every object-typed subschema, with its JSON pointer. */
function objectSchemas(node: unknown, pointer = '#'): [string, Json][] {
  if (typeof node !== 'object' || node === null) return [];
  const here: [string, Json][] = (node as Json).type === 'object' ? [[pointer, node as Json]] : [];
  return [...here, ...Object.entries(node).flatMap(([k, v]) => objectSchemas(v, `${pointer}/${k}`))];
}

describe('scenario JSON Schema', () => {
  const schema = scenarioJsonSchema() as Json;

  it('is committed, current, as public/scenario.schema.json', () => {
    // After a schema change, rewrite the file with `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`
    // (`npm run schema` does this once the CLI exists).
    const committed = readFileSync(new URL('../../../public/scenario.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });

  it('is draft-07 and describes the file form', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(['schemaVersion', 'title', 'duration', 'traffic', 'versions']);
    const props = schema.properties as Record<string, Json>;
    // Input form: durations and percentages as written, defaults as written.
    expect(props.duration.anyOf).toEqual([{ type: 'number' }, { type: 'string', pattern: '^[+-]?\\d+(\\.\\d+)?(ms|s|m|h|d)$' }]);
    expect((props.fleet.properties as Record<string, Json>).startupTime.default).toBe('20s');
    expect((props.fleet.properties as Record<string, Json>).loadBalancer).toMatchObject({ enum: ['round-robin', 'random', 'least-connections'], default: 'round-robin' });
    expect(props.compare.default).toEqual([{ pattern: 'none' }]);
  });

  it('offers a compare entry as a pattern or as a manifest file ({ manifest, label? }), closed like the rest', () => {
    const compare = (schema.properties as Record<string, Json>).compare;
    const [patterns, manifest] = (compare.items as Json).anyOf as Json[];
    expect((patterns.oneOf as Json[]).length).toBeGreaterThan(5);
    expect(manifest).toMatchObject({ type: 'object', required: ['manifest'], additionalProperties: false });
    expect(Object.keys(manifest.properties as Json)).toEqual(['manifest', 'label']);
  });

  it('closes every mapping except the name → share maps and the label → expectation maps', () => {
    const objects = objectSchemas(schema);
    expect(objects.length).toBeGreaterThan(10);
    for (const [pointer, object] of objects) {
      const isShareMap = /\/(regions|platforms)$/.test(pointer);
      const isLabelMap = /\/properties\/(expect|fault)$/.test(pointer);
      const values = isShareMap ? expect.objectContaining({ anyOf: expect.any(Array) }) : isLabelMap ? expect.objectContaining({ type: 'object', additionalProperties: false }) : false;
      expect(object.additionalProperties, pointer).toEqual(values);
    }
  });

  it('offers each fault kind as a tagged mapping', () => {
    const faults = (schema.properties as Record<string, Json>).faults;
    expect(faults.default).toEqual([]);
    const kinds = ((faults.items as Json).oneOf as Json[]).map((b) => ((b.properties as Record<string, Json>).kind as Json).const);
    expect(kinds).toEqual(FAULT_KINDS);
  });

  it('describes every field', () => {
    for (const [pointer, object] of objectSchemas(schema)) {
      for (const [key, field] of Object.entries((object.properties ?? {}) as Record<string, Json>)) {
        expect(field.description, `${pointer}/properties/${key}`).toEqual(expect.any(String));
      }
    }
  });
});
