/**
 * The OpenAPI 3.1 document of /api/v1, built from ENDPOINTS. Request bodies and query
 * parameters are generated from the same strict zod schemas the server parses with
 * (z.toJSONSchema, input side), so the document cannot drift from validation.
 */
import { z } from "zod";
import { ENDPOINTS, type Endpoint } from "./endpoints";
import { RESPONSE_SCHEMAS } from "./schemas";

type Json = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input (`INVALID_INPUT`, with per-field messages in `fields`).",
  401: "No valid session or API token (`UNAUTHENTICATED`).",
  403: "The role does not allow it, or a cross-site request (`FORBIDDEN`).",
  404: "Not found, or another team's (`NOT_FOUND`).",
  409: "Based on a stale version (`CONFLICT`; `details` holds the current state).",
  413: "Too large (`TOO_LARGE`).",
  429: "Too many attempts (`RATE_LIMITED`).",
  500: "Something went wrong on our side (`INTERNAL`, never with internals).",
};

/** JSON Schema of what a client sends (the input side of transforms and defaults). */
export function inputJsonSchema(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete json.$schema;
  return json;
}

/** Path parameters in order of appearance, e.g. ["matrixId", "rowId"]. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/** Query parameters of an endpoint, from its zod object schema. */
export function queryParameters(endpoint: Endpoint): Json[] {
  if (!endpoint.query) return [];
  const json = inputJsonSchema(endpoint.query);
  const props = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, schema]) => ({
    name,
    in: "query",
    required: required.has(name) && schema.default === undefined,
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    schema,
    ...(endpoint.repeatable?.includes(name) ? { explode: true, style: "form" } : {}),
  }));
}

function operationId(e: Endpoint): string {
  if (e.operationId) return e.operationId;
  const words = e.path
    .replace(/^\/api\/v1\//, "")
    .split(/[/.-]/)
    .filter((w) => w && !w.startsWith("{"));
  return [e.method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join("");
}

function operation(e: Endpoint): Json {
  const responses: Json = {
    [String(e.ok.status)]: {
      description: e.ok.description,
      ...(e.ok.schema ? { content: { [e.ok.mediaType ?? "application/json"]: { schema: e.ok.schema } } } : {}),
    },
  };
  const errors = new Set<number>(e.errors ?? []);
  if (e.auth !== "public") {
    errors.add(401);
    if (e.method !== "GET") errors.add(403);
  }
  errors.add(500);
  for (const status of [...errors].sort()) {
    responses[String(status)] = { $ref: `#/components/responses/E${status}` };
  }
  const parameters = [
    ...pathParams(e.path).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ...queryParameters(e),
  ];
  let requestBody: Json | undefined;
  if (e.body) {
    requestBody = {
      required: true,
      content: {
        "application/json": { schema: inputJsonSchema(e.body), ...(e.example ? { example: e.example } : {}) },
      },
    };
  } else if (e.rawBody) {
    requestBody = {
      required: true,
      content: Object.fromEntries(
        Object.entries(e.rawBody).map(([type, description]) => [type, { schema: { type: "string", description } }]),
      ),
    };
  }
  const security =
    e.auth === "public" ? [] : e.auth === "session" ? [{ session: [] }] : [{ bearer: [] }, { session: [] }];
  return {
    operationId: operationId(e),
    tags: [e.tag],
    summary: e.summary,
    ...(e.description || e.access
      ? { description: [e.description, e.access ? `Access: ${e.access}` : null].filter(Boolean).join("\n\n") }
      : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    security,
  };
}

/**
 * The whole document. The server URL is relative ("/", which OpenAPI resolves against
 * where the document was fetched): no Host header is echoed into a cacheable answer.
 */
export function buildOpenApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const e of ENDPOINTS) {
    paths[e.path] ??= {};
    paths[e.path]![e.method.toLowerCase()] = operation(e);
  }
  const errorResponses = Object.fromEntries(
    Object.entries(ERROR_TEXT).map(([status, description]) => [
      `E${status}`,
      { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Remit API",
      version: "1",
      description:
        "RACI matrices for engineering teams. JSON over HTTPS. Authenticate with a personal access token " +
        "(`Authorization: Bearer remit_pat_…`, created under Account → API tokens; it acts with your roles) " +
        "or the browser's session cookie. Every body is validated strictly: unknown keys are refused. " +
        "Another team's resource is a 404. Editable records carry `version`; a stale one is a 409.",
    },
    servers: [{ url: "/", description: "This Remit instance" }],
    tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: RESPONSE_SCHEMAS,
      responses: errorResponses,
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "remit_pat_…",
          description: "A personal access token. Not accepted by pages or form actions, only by /api/v1.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The browser session (`__Secure-authjs.session-token` over HTTPS). Same-origin requests only.",
        },
      },
    },
  };
}
