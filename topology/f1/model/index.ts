/**
 * @module
 * The F1 event model: zod schemas (the single source of truth), their inferred types, the record
 * keys and the JSON Schema export. See README.md for units.
 */
export * from './driver.ts'
export * from './envelope.ts'
export * from './json-schema.ts'
export * from './lap.ts'
export * from './race-control.ts'
export * from './session.ts'
export * from './telemetry.ts'
export * from './validate.ts'
