import { z } from 'zod';
import { OUTCOME_KINDS } from '../primitives/outcome.js';

/** A non-negative duration in milliseconds (at most one day). */
export const durationMs = (): z.ZodNumber => z.number().min(0).max(86_400_000);

/** A strictly positive duration in milliseconds (at most one day). */
export const positiveMs = (): z.ZodNumber => z.number().positive().max(86_400_000);

/** A ratio in [0, 1]. */
export const ratio = (): z.ZodNumber => z.number().min(0).max(1);

/** Any function value (config in code may carry classes, predicates and delay functions). */
export const fn = <T extends (...args: never[]) => unknown>(what: string): z.ZodType<T> =>
  z.custom<T>((value) => typeof value === 'function', { message: `expected ${what} (a function)` });

/** One of the outcome kinds the classifier produces. */
export const OutcomeKindSchema = z.enum(OUTCOME_KINDS);

const oneOrMany = <T extends z.ZodType>(item: T): z.ZodUnion<[T, z.ZodArray<T>]> =>
  z.union([item, z.array(item).min(1)]);

/**
 * A declarative error matcher: every given key must match (AND). Used by `retryOn` and
 * `neverRetryOn`, and serialisable, so it can live in a JSON config file.
 */
export const ErrorMatcherObjectSchema = z
  .strictObject({
    /** `error.code` (Node system codes such as `ECONNRESET`, database SQLSTATEs, @rel codes). */
    code: oneOrMany(z.string().min(1)).optional(),
    /** HTTP status of the error or response, or an inclusive range. */
    status: z
      .union([
        oneOrMany(z.int().min(100).max(599)),
        z.strictObject({ min: z.int().min(100).max(599), max: z.int().min(100).max(599) }),
      ])
      .optional(),
    /** `error.name` (e.g. `TypeError`, `AbortError`). */
    name: oneOrMany(z.string().min(1)).optional(),
    /** The classifier's verdict. */
    kind: oneOrMany(OutcomeKindSchema).optional(),
    /** A case-insensitive substring of `error.message`. */
    messageIncludes: oneOrMany(z.string().min(1)).optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), {
    message: 'a matcher needs at least one of: code, status, name, kind, messageIncludes',
  });

/**
 * An error matcher: an error class (matches `instanceof`), a predicate `(error) => boolean`,
 * or a declarative {@link ErrorMatcherObjectSchema} object.
 */
export const ErrorMatcherSchema = z.union([
  z.custom<ErrorClass | ((error: unknown) => boolean)>((value) => typeof value === 'function', {
    message: 'expected an error class or a predicate (a function)',
  }),
  ErrorMatcherObjectSchema,
]);

/** An error class, for `instanceof` matching (`abstract` so abstract base classes qualify too). */
export type ErrorClass = abstract new (...args: never[]) => unknown;

/** Inferred type of {@link ErrorMatcherSchema}. */
export type ErrorMatcher = z.infer<typeof ErrorMatcherSchema>;
/** Inferred type of {@link ErrorMatcherObjectSchema}. */
export type ErrorMatcherObject = z.infer<typeof ErrorMatcherObjectSchema>;
