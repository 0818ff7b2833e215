/** Small builders shared by the OpenAPI path modules. */
import type { SchemaObject } from './api-schemas.js';

export const json = (schema: SchemaObject) => ({ content: { 'application/json': { schema } } });

export const response = (description: string, schema: SchemaObject, headers?: Record<string, unknown>) => ({
  description,
  ...(headers && { headers }),
  ...json(schema),
});

/** A response from `components.responses`. */
export const shared = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** A parameter from `components.parameters`. */
export const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });

export const header = (description: string) => ({ description, schema: { type: 'string' } });

/** A non-JSON answer, e.g. an HTML page. */
export const textResponse = (description: string, mediaType: string) => ({ description, content: { [mediaType]: { schema: { type: 'string' } } } });
