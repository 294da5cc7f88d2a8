/**
 * @module
 * `Branched`: the name of one branch of `KStream.split()`.
 */
import { validateName } from './named.ts'

/**
 * Options of `BranchedKStream.branch()` / `defaultBranch()`.
 *
 * @example
 * ```ts
 * const b = stream.split(Named.as('tyre-')).branch((k, v) => v.compound === 'soft', Branched.as('soft')).defaultBranch()
 * b['tyre-soft'].to('softs')
 * ```
 */
export class Branched {
  readonly name: string | undefined

  private constructor(name: string | undefined) {
    this.name = name
  }

  static as(name: string): Branched {
    return new Branched(validateName('Branched.as()', name))
  }
}
