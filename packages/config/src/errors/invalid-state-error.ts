import { REL_ERROR_CODES } from './codes.js';
import { RelError } from './rel-error.js';

/** An object was used in a way its current state does not allow. */
export class InvalidStateError extends RelError {
  constructor(message: string) {
    super(REL_ERROR_CODES.INVALID_STATE, message);
    this.name = 'InvalidStateError';
  }
}
