/**
 * @module
 * Deno smoke check: Pitwall's core code (errors, serdes, config, logger) loads and behaves the same on
 * Deno 2, with npm packages (zod) resolved from the project's node_modules. Run by `npm run test:deno`.
 * Grow it as the library grows.
 */
import { z } from 'zod'
import { loadConfig } from '../../core/config.ts'
import { describeError, ErrorCodes, isPitwallError, PitwallError } from '../../core/errors.ts'
import { createLogger } from '../../core/logger.ts'
import { Serdes } from '../../topology/serdes.ts'

declare const Deno: {
  test(name: string, fn: () => void | Promise<void>): void
  version: { deno: string }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${message}`)
}

function assertThrowsPitwall(run: () => unknown, code: string, contains: string): void {
  try {
    run()
  } catch (error) {
    assert(isPitwallError(error), `expected a PitwallError, got ${String(error)}`)
    assert(error.code === code, `expected ${code}, got ${error.code}`)
    assert(error.message.includes(contains), `message '${error.message}' should contain '${contains}'`)
    return
  }
  throw new Error(`expected ${code} to be thrown`)
}

Deno.test('runs on Deno 2', () => {
  assert(Deno.version.deno.startsWith('2.'), `Deno ${Deno.version.deno}`)
})

Deno.test('PitwallError carries code, details and cause', () => {
  const cause = new Error('socket closed')
  const error = new PitwallError(ErrorCodes.BROKER_UNREACHABLE, 'broker down', { cause, details: { broker: 'b:1' } })
  assert(error instanceof Error && error.name === 'PitwallError', 'is an Error named PitwallError')
  assert(error.cause === cause && error.details.broker === 'b:1', 'keeps cause and details')
  assert(describeError(error) === 'PITWALL_BROKER_UNREACHABLE: broker down', describeError(error))
})

Deno.test('serdes round-trip and fail with the topic and field path', () => {
  const string = Serdes.string()
  assert(string.deserialize('t', string.serialize('t', 'car-44')) === 'car-44', 'string round trip')
  const double = Serdes.double()
  assert(double.deserialize('t', double.serialize('t', 312.5)) === 312.5, 'double round trip')
  const sample = Serdes.zod(z.object({ car: z.number(), speed: z.number() }))
  const bytes = sample.serialize('t', { car: 44, speed: 312.5 })
  assert(sample.deserialize('t', bytes).speed === 312.5, 'zod round trip')
  const bad = new TextEncoder().encode('{"car":44,"speed":"fast"}')
  assertThrowsPitwall(() => sample.deserialize('f1.raw', bad), ErrorCodes.SERDE_DESERIALIZATION, "field 'speed'")
  assertThrowsPitwall(
    () => string.deserialize('f1.raw', new Uint8Array([0xff])),
    ErrorCodes.SERDE_DESERIALIZATION,
    'f1.raw',
  )
})

Deno.test('config validates like on Node', () => {
  const config = loadConfig({ env: { PITWALL_BROKERS: '127.0.0.1:19092', PITWALL_CARS: '3' }, argv: ['--seed', '7'] })
  assert(config.brokers?.[0] === '127.0.0.1:19092' && config.cars === 3 && config.seed === 7, JSON.stringify(config))
  assertThrowsPitwall(() => loadConfig({ env: { PITWALL_NOPE: '1' } }), ErrorCodes.CONFIG_UNKNOWN_KEY, 'PITWALL_NOPE')
  assertThrowsPitwall(
    () => loadConfig({ env: { PITWALL_PROCESSING_GUARANTEE: 'exactly_once' } }),
    ErrorCodes.CONFIG_INVALID,
    'PITWALL_PROCESSING_GUARANTEE',
  )
})

Deno.test('logger writes JSON lines', () => {
  const lines: string[] = []
  createLogger({ format: 'json', write: (line) => lines.push(line) }).info('up', { port: 8080 })
  const parsed = JSON.parse(lines[0]!)
  assert(parsed.msg === 'up' && parsed.port === 8080 && parsed.level === 'info', lines[0]!)
})
