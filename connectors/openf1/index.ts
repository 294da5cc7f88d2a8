/**
 * @module
 * The OpenF1 connector: forgiving dump loading (json-array, rows, load), the pure row mapper and
 * the paced replay source.
 */
export * from './json-array.ts'
export * from './load.ts'
export * from './mapper.ts'
export * from './replay.ts'
export * from './rows.ts'
