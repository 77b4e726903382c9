import { REL_ERROR_CODES } from './codes.js';
import { RelError } from './rel-error.js';

/**
 * A registry already holds an instance under that name with a different configuration.
 * Registries never replace silently: a second `get(name, otherConfig)` is a bug to fix.
 */
export class RegistryConflictError extends RelError {
  /** The contested name. */
  readonly key: string;

  constructor(kind: string, key: string, detail: string) {
    super(
      REL_ERROR_CODES.REGISTRY_CONFLICT,
      `${kind} "${key}" is already registered with a different configuration (${detail}); ` +
        `reuse the existing instance or pick another name`,
    );
    this.name = 'RegistryConflictError';
    this.key = key;
  }
}
