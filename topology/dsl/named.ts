/**
 * @module
 * `Named`: overrides the generated name of a processor (`Named.as('drop-pit-laps')`).
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

const LEGAL = /^[a-zA-Z0-9._-]+$/

/**
 * Checks a user-given processor, store or topic name as Kafka does: 1..249 of `[a-zA-Z0-9._-]`.
 *
 * @example
 * ```ts
 * validateName('Named.as()', 'fast-laps')
 * ```
 */
export function validateName(where: string, name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 249 || !LEGAL.test(name)) {
    throw new PitwallError(
      ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
      `${where}: name must be 1 to 249 characters of [a-zA-Z0-9._-], got ${JSON.stringify(name)}`,
    )
  }
  return name
}

/**
 * A processor name.
 *
 * @example
 * ```ts
 * stream.filter((k, v) => v.valid, Named.as('valid-samples'))
 * ```
 */
export class Named {
  readonly name: string

  private constructor(name: string) {
    this.name = name
  }

  /** Names the processor. */
  static as(name: string): Named {
    return new Named(validateName('Named.as()', name))
  }
}
