import { createSocket } from 'node:dgram'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { udpFixtures } from './fixture-path.ts'
import { UdpListener } from './listener.ts'
import { PacketStats } from './packet-stats.ts'
import { udpRecords } from './source.ts'

const dir = join(udpFixtures, '2024-packets')
const real = readdirSync(dir)
  .filter((f) => f.endsWith('.bin'))
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }))
const valid = real.filter((p) => !/RDFL|SCAR/.test(p.name))

function total(c: PacketStats['counts']): number {
  return c.decoded + c.ignored + Object.values(c.rejected).reduce((a, b) => a + b, 0)
}

describe('PacketStats fuzz', () => {
  it('never throws on random bytes and counts every datagram once', () => {
    const stats = new PacketStats()
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        stats.accept(bytes)
        expect(total(stats.counts)).toBe(stats.counts.received)
      }),
      { numRuns: 2000 },
    )
  })

  it('rejects every truncation of a real packet as truncated and every extension as oversized', () => {
    const stats = new PacketStats()
    const arb = fc.record({
      packet: fc.constantFrom(...valid),
      cut: fc.nat(),
      extra: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      grow: fc.boolean(),
    })
    fc.assert(
      fc.property(arb, ({ packet, cut, extra, grow }) => {
        const before = stats.counts
        const bytes = grow
          ? Uint8Array.from([...packet.bytes, ...extra])
          : packet.bytes.subarray(0, cut % packet.bytes.byteLength)
        expect(stats.accept(bytes)).toBeUndefined()
        const after = stats.counts
        const reason = grow ? 'oversized' : 'truncated'
        expect(after.rejected[reason]).toBe(before.rejected[reason] + 1)
      }),
      { numRuns: 1000 },
    )
  })

  it('accepts real packets with random header noise without crashing', () => {
    const stats = new PacketStats()
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.nat({ max: 1000 }),
        fc.integer({ min: 0, max: 255 }),
        (p, at, value) => {
          const bytes = Uint8Array.from(p.bytes)
          bytes[at % bytes.byteLength] = value
          stats.accept(bytes)
          expect(total(stats.counts)).toBe(stats.counts.received)
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('UdpListener', () => {
  let listener: UdpListener | undefined
  afterEach(async () => {
    await listener?.close()
    listener = undefined
  })

  it('decodes real packets over a socket and counts garbage by reason without stopping', async () => {
    const logs: string[] = []
    listener = new UdpListener({ port: 0, host: '127.0.0.1', logger: (_l, m) => logs.push(m) })
    const port = await listener.start()
    const telemetry = valid.find((p) => p.name === '2024-06.bin')!.bytes
    const garbage = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 1500 }), { numRuns: 50, seed: 42 })
    const datagrams = [
      ...valid.map((p) => p.bytes),
      telemetry.subarray(0, 700),
      Uint8Array.from([...telemetry, 1, 2, 3]),
      ...real.filter((p) => /RDFL|SCAR/.test(p.name)).map((p) => p.bytes),
      ...garbage,
      telemetry, // still alive after the garbage
    ]
    const client = createSocket('udp4')
    for (const d of datagrams) {
      await new Promise<void>((resolve, reject) =>
        client.send(d, port, '127.0.0.1', (e) => (e ? reject(e) : resolve())),
      )
      await new Promise((r) => setImmediate(r))
    }
    client.close()
    const deadline = Date.now() + 5000
    while (listener.counts.received < datagrams.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10))
    const counts = listener.counts
    expect(counts.received).toBe(datagrams.length)
    expect(total(counts)).toBe(datagrams.length)
    // 2024-packets: ids 5, 8, 9, 11, 12, 13, 14 are known but unused
    expect(counts.ignored).toBe(7)
    expect(counts.decoded).toBeGreaterThanOrEqual(valid.length - 7 + 1)
    expect(counts.rejected.truncated).toBeGreaterThanOrEqual(2) // the cut packet and RDFL (44 B)
    expect(counts.rejected.oversized).toBeGreaterThanOrEqual(2) // the extended packet and SCAR (47 B)
    expect(logs.some((l) => l.includes('rejected UDP packet (truncated'))).toBe(true)
    await listener.close()
    const kinds: string[] = []
    for await (const { packet } of listener) kinds.push(packet.kind)
    expect(kinds.length).toBe(counts.decoded)
    expect(kinds.at(-1)).toBe('car-telemetry')
  })

  it('refuses to start twice', async () => {
    listener = new UdpListener({ port: 0, host: '127.0.0.1' })
    await listener.start()
    await expect(listener.start()).rejects.toThrow('already started')
  })

  it('is a source of keyed event-model records (udpRecords)', async () => {
    listener = new UdpListener({ port: 0, host: '127.0.0.1' })
    const port = await listener.start()
    const lines = readFileSync(join(udpFixtures, '2024.jsonl'), 'utf8').split('\n').filter(Boolean)
    const packets = lines.map((l) => Uint8Array.from((JSON.parse(l) as { message: { data: number[] } }).message.data))
    const participants = packets.find((p) => p[6] === 4)!
    const motion = packets.find((p) => p[6] === 0)!
    const client = createSocket('udp4')
    for (const d of [participants, motion]) {
      await new Promise<void>((resolve, reject) =>
        client.send(d, port, '127.0.0.1', (e) => (e ? reject(e) : resolve())),
      )
    }
    client.close()
    const topics: string[] = []
    for await (const record of udpRecords(listener)) {
      topics.push(record.topic)
      expect(record.key).toMatch(/^15747386989728148181:\d+$/)
      if (record.topic === 'f1.telemetry.raw') break
    }
    expect(topics.filter((t) => t === 'f1.drivers')).toHaveLength(20)
    expect(topics.at(-1)).toBe('f1.telemetry.raw')
  })
})
