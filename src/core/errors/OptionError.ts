import { ParleyError } from './ParleyError.js';

/** An option passed to `createClient` or `init` is invalid. `option` names it. */
export class OptionError extends ParleyError {
  override readonly name = 'OptionError';
  readonly option: string;

  constructor(option: string, message: string, options: { cause?: unknown; details?: unknown } = {}) {
    super('invalid_option', `Parley: option \`${option}\` ${message}`, options);
    this.option = option;
  }
}

export function isOptionError(value: unknown): value is OptionError {
  return value instanceof OptionError;
}
