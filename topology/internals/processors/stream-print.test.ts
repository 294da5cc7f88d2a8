import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorCodes } from '../../../core/errors.ts'
import { Consumed, Named, Printed, Serdes, StreamsBuilder, TopologyTestDriver } from '../../index.ts'

const str = Serdes.string()
const json = Serdes.json<any>()
let driver: TopologyTestDriver | undefined
let dir: string | undefined

afterEach(async () => {
  await driver?.close()
  driver = undefined
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  dir = undefined
  vi.restoreAllMocks()
})

describe('KStream.print', () => {
  it('prints [label]: key, value lines to a file, labelled with the processor name by default', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pitwall-print-'))
    const path = join(dir, 'laps.txt')
    const b = new StreamsBuilder()
    const laps = b.stream('in', Consumed.with(str, json))
    laps.print(Printed.toFile<string, any>(path).withName('laps-printer'))
    laps.print(
      Printed.toFile<string, any>(`${path}.mapped`)
        .withLabel('kph')
        .withKeyValueMapper((k, v) => `${k}=${v.kph}`),
    )
    driver = new TopologyTestDriver(b.build())
    const input = driver.createInputTopic('in', str, json)
    await input.pipeInput('car-44', { kph: 312 }, 1)
    await input.pipeInput('car-1', { kph: 298 }, 2)
    await driver.close()
    driver = undefined
    expect(readFileSync(path, 'utf8')).toBe('[laps-printer]: car-44, {"kph":312}\n[laps-printer]: car-1, {"kph":298}\n')
    expect(readFileSync(`${path}.mapped`, 'utf8')).toBe('[kph]: car-44=312\n[kph]: car-1=298\n')
  })

  it('prints to standard output and adds a terminal processor named KSTREAM-PRINTER', async () => {
    const lines: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk))
      return true
    })
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, json)).print(Printed.toSysOut())
    const topology = b.build()
    expect(topology.describe().toString()).toContain('Processor: KSTREAM-PRINTER-0000000001')
    driver = new TopologyTestDriver(topology)
    await driver.createInputTopic('in', str, json).pipeInput(null as never, 7, 1)
    expect(lines).toEqual(['[KSTREAM-PRINTER-0000000001]: null, 7\n'])
  })

  it('validates its arguments', () => {
    const s = new StreamsBuilder().stream('in', Consumed.with(str, json))
    expect(() => s.print(Named.as('x') as never)).toThrow(
      expect.objectContaining({ code: ErrorCodes.TOPOLOGY_INVALID_ARGUMENT }),
    )
    expect(() => Printed.toFile('')).toThrow(/Printed\.toFile\(\): filePath/)
    expect(() => Printed.toSysOut().withKeyValueMapper('x' as never)).toThrow(/mapper must be a function/)
  })
})
