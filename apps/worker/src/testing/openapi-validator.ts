/**
 * Checks real API responses against the API's own OpenAPI 3.1 document: the body of a response must
 * match the JSON Schema (2020-12) the document declares for its path, method and status.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsExport from 'ajv-formats';

type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> }>>;
};

/** ajv-formats is CommonJS with a `default` export; unwrap it whichever way the loader hands it over. */
const addFormats = ((addFormatsExport as unknown as { default?: unknown }).default ?? addFormatsExport) as (ajv: Ajv2020) => Ajv2020;

const DOCUMENT_ID = 'openapi.json';

/** A JSON Pointer token, as it goes into a URI fragment. */
const pointerToken = (token: string) => encodeURIComponent(token.replaceAll('~', '~0').replaceAll('/', '~1'));

export interface ResponseCheck {
  /** The parsed body, once it matched. */
  body: unknown;
  /** Pointer (in the document) of the schema it was checked against. */
  schemaPointer: string;
}

export class OpenApiValidator {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, DOCUMENT_ID);
  }

  static async fetch(baseUrl: string): Promise<OpenApiValidator> {
    const response = await fetch(`${baseUrl}/openapi.json`);
    if (response.status !== 200) throw new Error(`GET /openapi.json answered ${response.status}`);
    return new OpenApiValidator((await response.json()) as OpenApiDocument);
  }

  /**
   * Reads the JSON body of `response` and checks it against the schema declared for `pathTemplate`
   * (as the document writes it, e.g. `/v1/jobs/{id}`), `method` and the response's status (or the
   * operation's `default`). Throws, naming every mismatch, when the body does not match or the
   * document declares no JSON schema for the answer.
   */
  async check(pathTemplate: string, method: string, response: Response): Promise<ResponseCheck> {
    const schemaPointer = this.schemaPointer(pathTemplate, method.toLowerCase(), response.status);
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.startsWith('application/json')) throw new Error(`${method} ${pathTemplate} ${response.status}: content type ${contentType}`);
    const body: unknown = await response.json();
    const validate = this.validatorFor(schemaPointer);
    if (!validate(body)) {
      const problems = (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message}`).join('; ');
      throw new Error(`${method} ${pathTemplate} ${response.status} does not match ${schemaPointer}: ${problems}`);
    }
    return { body, schemaPointer };
  }

  private schemaPointer(pathTemplate: string, method: string, status: number): string {
    const operation = this.document.paths[pathTemplate]?.[method];
    if (!operation) throw new Error(`the document has no operation ${method.toUpperCase()} ${pathTemplate}`);
    const declared = operation.responses[String(status)] ? String(status) : 'default';
    const response = operation.responses[declared];
    if (!response) throw new Error(`${method.toUpperCase()} ${pathTemplate} declares no response ${status} and no default`);
    const responsePointer = response.$ref ?? `#/paths/${pointerToken(pathTemplate)}/${method}/responses/${declared}`;
    return `${DOCUMENT_ID}${responsePointer}/content/${pointerToken('application/json')}/schema`;
  }

  private validatorFor(schemaPointer: string): ValidateFunction {
    let validate = this.compiled.get(schemaPointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: schemaPointer });
      this.compiled.set(schemaPointer, validate);
    }
    return validate;
  }
}
