/**
 * @module The OpenAPI 3.1 document of the admin API, served at GET /admin/openapi.json
 * (behind the operator token, like the rest of /admin/). The request schemas are converted
 * from the very Valibot schemas the routes validate with, so the document cannot drift
 * from what the service accepts; it is built once, when the routes are.
 */
import { type JsonSchema, toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import type { Config } from '../config.ts';
import {
  CreateCustomerRequestSchema,
  CustomerListQuerySchema,
  CustomerNumberSchema,
  ERROR_CODES,
  LANGUAGES,
  ResendInitialPasswordRequestSchema,
  UpdateCustomerRequestSchema,
} from '../contract.ts';
import { DEFAULT_PAGE_SIZE } from '../operations/list-customers.ts';
import { PROJECT_VERSION } from '../project-paths.ts';

type Schema = v.GenericSchema<unknown, unknown>;

/**
 * The request's shape as a client sends it ('input'): a pipe's checks up to its first
 * transformation. Whatever cannot be converted fails here, at start, not silently.
 */
function jsonSchemaOf(schema: Schema): JsonSchema {
  const { $schema: _, ...converted } = toJsonSchema(schema, {
    target: 'draft-2020-12',
    typeMode: 'input',
    // Trimming happens before the checks; the document states the checks.
    ignoreActions: ['trim'],
    // A pipe is converted without asking this, so the number is found by its wrapper.
    overrideSchema: ({ valibotSchema }) =>
      'wrapped' in valibotSchema && valibotSchema.wrapped === CustomerNumberSchema
        ? {
            type: 'string',
            description:
              'Letters, digits and dashes, compared upper-case without spaces; a new number must match PORTAL_CUSTOMER_NUMBER_PATTERN.',
          }
        : undefined,
    // Our patterns carry the `u` flag, as JSON Schema's ECMA-262 patterns are read with it.
    overrideAction: ({ valibotAction, jsonSchema }) =>
      valibotAction.type === 'regex' &&
      'requirement' in valibotAction &&
      valibotAction.requirement instanceof RegExp &&
      valibotAction.requirement.flags === 'u'
        ? { ...jsonSchema, pattern: valibotAction.requirement.source }
        : undefined,
  });
  return converted;
}

const CUSTOMER_RECORD: JsonSchema = {
  type: 'object',
  description: 'A customer as operators see them; never a password or a hash.',
  properties: {
    id: { type: 'string', description: "The access token's sub: random, never reused." },
    number: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    language: { enum: [...LANGUAGES] },
    status: { enum: ['active', 'disabled'] },
    mustChangePassword: { type: 'boolean' },
    initialPasswordExpiresAt: { type: ['string', 'null'], format: 'date-time' },
    locked: { type: 'boolean', description: 'Failed logins make it wait now (unlock lifts it).' },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: [
    'id',
    'number',
    'name',
    'email',
    'language',
    'status',
    'mustChangePassword',
    'initialPasswordExpiresAt',
    'locked',
    'createdAt',
  ],
};

const WARNING: JsonSchema = {
  type: 'object',
  description: 'Done, but worth a look. Programs branch on `code`.',
  properties: {
    code: { enum: ['shared_email', 'initial_password_at_old_address'] },
    message: { type: 'string' },
    customers: {
      type: 'array',
      items: { type: 'string' },
      description: 'Other customers, by number.',
    },
  },
  required: ['code', 'message'],
};

const ERROR: JsonSchema = {
  type: 'object',
  properties: {
    error: { enum: [...ERROR_CODES] },
    message: { type: 'string' },
    field: { type: 'string', description: 'With invalid_request: the field at fault.' },
    retryAfter: { type: 'integer' },
  },
  required: ['error', 'message'],
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const answer = (description: string, schema: object) => ({ description, content: json(schema) });
const failure = (description: string) => answer(description, ref('Error'));
const customerAnswer = answer('The customer afterwards.', {
  type: 'object',
  properties: { customer: ref('CustomerRecord') },
  required: ['customer'],
});
const customerWithWarnings = (description: string) =>
  answer(description, {
    type: 'object',
    properties: {
      customer: ref('CustomerRecord'),
      warnings: { type: 'array', items: ref('Warning') },
    },
    required: ['customer', 'warnings'],
  });

const NUMBER_PARAMETER = {
  name: 'number',
  in: 'path',
  required: true,
  description: 'The customer number; spaces and case do not matter.',
  schema: { type: 'string' },
};

/** A customer action without a body: the customer afterwards, or why not. */
const customerAction = (summary: string) => ({
  summary,
  parameters: [NUMBER_PARAMETER],
  responses: { 200: customerAnswer, 404: failure('There is no such customer.') },
});

/** The admin API's OpenAPI 3.1 document, for this service's URL. */
export function buildAdminOpenApi(config: Pick<Config, 'serviceUrl'>): Record<string, unknown> {
  const query = jsonSchemaOf(CustomerListQuerySchema);
  const queryParameters = Object.entries(
    (query.properties ?? {}) as Record<string, JsonSchema>,
  ).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    description: {
      search: 'Customers whose number, name or e-mail address holds this text (any case).',
      limit: `At most this many customers (${DEFAULT_PAGE_SIZE} unless given).`,
      cursor: 'The `next` of the previous page.',
    }[name],
    schema,
  }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Customer portal admin API',
      version: PROJECT_VERSION,
      description:
        'For a CRM: customers are created, corrected, unlocked, disabled and deleted here. Send the operator token (PORTAL_ADMIN_TOKEN) as a bearer token; 10 wrong tokens from one address in 15 minutes make it wait (429). No answer ever holds a password.',
    },
    servers: [{ url: config.serviceUrl }],
    security: [{ operatorToken: [] }],
    paths: {
      '/admin/customers': {
        get: {
          summary: 'A page of customers, in the order they were created',
          parameters: queryParameters,
          responses: {
            200: answer('A page, and the cursor of the next (null on the last).', {
              type: 'object',
              properties: {
                customers: { type: 'array', items: ref('CustomerRecord') },
                next: { type: ['string', 'null'] },
              },
              required: ['customers', 'next'],
            }),
            400: failure('A parameter is wrong; `field` names it.'),
          },
        },
        post: {
          summary: 'Creates a customer and queues two mails: the number, and an initial password',
          requestBody: { required: true, content: json(ref('CreateCustomerRequest')) },
          responses: {
            201: customerWithWarnings('Created.'),
            400: failure('The body is wrong; `field` names the field.'),
            409: failure('The customer number is taken.'),
          },
        },
      },
      '/admin/customers/{number}': {
        get: {
          summary: 'One customer, with their latest 50 audit events',
          parameters: [NUMBER_PARAMETER],
          responses: {
            200: answer('The customer and their audit events, newest first.', {
              type: 'object',
              properties: { customer: ref('CustomerRecord'), audit: { type: 'array' } },
              required: ['customer', 'audit'],
            }),
            404: failure('There is no such customer.'),
          },
        },
        patch: {
          summary: "Corrects a customer's e-mail address, name or language",
          description:
            'A new address ends a reset link the customer may hold. Recorded in the audit log as customer_updated, with old and new values.',
          parameters: [NUMBER_PARAMETER],
          requestBody: { required: true, content: json(ref('UpdateCustomerRequest')) },
          responses: {
            200: customerWithWarnings('Updated (or already so).'),
            400: failure('The body is wrong; `field` names the field.'),
            404: failure('There is no such customer.'),
          },
        },
        delete: {
          summary: 'Deletes the customer, their sessions and tokens',
          parameters: [NUMBER_PARAMETER],
          responses: {
            204: { description: 'Deleted.' },
            404: failure('There is no such customer.'),
          },
        },
      },
      '/admin/customers/{number}/resend-initial-password': {
        post: {
          summary: 'Mails a new initial password; the old one stops working, sessions end',
          description:
            'Only for a customer who has not chosen a password yet, unless the body is {"force": true}: then a chosen password is replaced too.',
          parameters: [NUMBER_PARAMETER],
          requestBody: { required: false, content: json(ref('ResendInitialPasswordRequest')) },
          responses: {
            200: customerAnswer,
            400: failure(
              'The customer chose a password and force was not given, or force is not a boolean.',
            ),
            404: failure('There is no such customer.'),
          },
        },
      },
      '/admin/customers/{number}/unlock': {
        post: customerAction('Lifts a lockout after failed logins'),
      },
      '/admin/customers/{number}/disable': {
        post: customerAction("Blocks logins and ends the customer's sessions"),
      },
      '/admin/customers/{number}/enable': { post: customerAction('Allows logins again') },
      '/admin/openapi.json': {
        get: {
          summary: 'This document',
          responses: { 200: answer('OpenAPI 3.1.', { type: 'object' }) },
        },
      },
    },
    components: {
      securitySchemes: {
        operatorToken: { type: 'http', scheme: 'bearer', description: 'PORTAL_ADMIN_TOKEN' },
      },
      schemas: {
        CreateCustomerRequest: jsonSchemaOf(CreateCustomerRequestSchema),
        UpdateCustomerRequest: jsonSchemaOf(UpdateCustomerRequestSchema),
        ResendInitialPasswordRequest: jsonSchemaOf(ResendInitialPasswordRequestSchema),
        CustomerRecord: CUSTOMER_RECORD,
        Warning: WARNING,
        Error: ERROR,
      },
    },
  };
}
