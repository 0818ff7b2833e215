import { describe, expect, it } from 'vitest';
import { CONTRACT_SCHEMA_NAMES, buildContractJsonSchemas } from './json-schema.js';

describe('buildContractJsonSchemas', () => {
  const schemas = buildContractJsonSchemas();

  it('emits one schema per contract', () => {
    expect(Object.keys(schemas).sort()).toEqual([...CONTRACT_SCHEMA_NAMES].sort());
  });

  it('refers between schemas with OpenAPI component refs', () => {
    const serialised = JSON.stringify(schemas.DetectionResult);
    expect(serialised).toContain('"$ref":"#/components/schemas/CodeProposal"');
    expect(serialised).toContain('"$ref":"#/components/schemas/Mention"');
    expect(JSON.stringify(schemas.CodeProposal)).toContain('"$ref":"#/components/schemas/Evidence"');
  });

  it('describes the fields a client relies on', () => {
    const result = schemas.DetectionResult as { required: string[]; properties: Record<string, unknown> };
    expect(result.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'terminology', 'documentLength', 'codes', 'mentions']),
    );
    const request = schemas.DetectionRequest as { required: string[]; additionalProperties: boolean };
    expect(request.required).toEqual(['text']);
    expect(request.additionalProperties).toBe(false);
  });

  it('accepts another ref style and is serialisable', () => {
    const defs = buildContractJsonSchemas({ refUri: (name) => `#/$defs/${name}` });
    expect(JSON.stringify(defs.Mention)).toContain('"$ref":"#/$defs/Assertion"');
    expect(() => JSON.parse(JSON.stringify(defs))).not.toThrow();
  });
});
