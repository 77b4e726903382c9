import { z } from 'zod';

/**
 * The `application/health+json` status values (draft-inadarei-api-health-check):
 * `pass` (healthy), `warn` (healthy, with concerns), `fail` (unhealthy).
 */
export const HEALTH_JSON_STATUSES = ['pass', 'warn', 'fail'] as const;

/** One of {@link HEALTH_JSON_STATUSES}. */
export type HealthJsonStatus = (typeof HEALTH_JSON_STATUSES)[number];

/** The media type of a health check response. */
export const HEALTH_JSON_CONTENT_TYPE = 'application/health+json';

const HealthJsonStatusSchema = z.enum(HEALTH_JSON_STATUSES);

/** Any JSON value (`observedValue` may be a number, a string, an object...). */
const JsonValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValueSchema),
    z.record(z.string(), JsonValueSchema),
  ]),
);

/** One entry of `checks["<component>:<measurement>"]`: a reading of one component instance. */
export const HealthCheckEntrySchema = z.strictObject({
  /** Unique id of the component instance (here `<service>` or `<service>/<operation>`). */
  componentId: z.string().min(1).optional(),
  /** `component`, `datastore`, `system` or a URI (here always `component`). */
  componentType: z.string().min(1).optional(),
  observedValue: JsonValueSchema.optional(),
  observedUnit: z.string().min(1).optional(),
  status: HealthJsonStatusSchema.optional(),
  affectedEndpoints: z.array(z.string()).optional(),
  /** When the reading was taken (ISO 8601). */
  time: z.iso.datetime({ offset: true }).optional(),
  /** Error output for `warn` / `fail`; omitted on `pass`. */
  output: z.string().optional(),
  links: z.record(z.string(), z.string()).optional(),
});

/** A check key: `<componentName>:<measurementName>`, each part non-empty and colon-free. */
export const HealthCheckKeySchema = z.string().regex(/^[^:]+:[^:]+$/, 'expected "<component>:<measurement>"');

/**
 * Schema of an `application/health+json` response body (draft-inadarei-api-health-check-06,
 * section 3), strict: unknown keys are errors. Validate a response with
 * `HealthJsonSchema.parse(body)`.
 *
 * @see https://datatracker.ietf.org/doc/html/draft-inadarei-api-health-check-06
 */
export const HealthJsonSchema = z.strictObject({
  status: HealthJsonStatusSchema,
  version: z.string().optional(),
  releaseId: z.string().optional(),
  notes: z.array(z.string()).optional(),
  output: z.string().optional(),
  checks: z.record(HealthCheckKeySchema, z.array(HealthCheckEntrySchema)).optional(),
  links: z.record(z.string(), z.string()).optional(),
  serviceId: z.string().optional(),
  description: z.string().optional(),
});

/** A health check response body. */
export type HealthJson = z.infer<typeof HealthJsonSchema>;
/** One check entry of a {@link HealthJson}. */
export type HealthCheckEntry = z.infer<typeof HealthCheckEntrySchema>;
