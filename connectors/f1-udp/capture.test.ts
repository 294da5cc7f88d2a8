import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CAPTURE_MAGIC, type CaptureFrame, decodeFrames, encodeFrame } from './capture.ts'
import { CaptureWriter, readCaptureFile, replayFrames, sendFrames } from './capture-file.ts'
import { udpFixtures } from './fixture-path.ts'
import { UdpListener } from './listener.ts'
import { frameRecords } from './source.ts'

function file(frames: CaptureFrame[]): Uint8Array {
  return Uint8Array.from([...CAPTURE_MAGIC, ...frames.flatMap((f) => [...encodeFrame(f)])])
}

describe('capture format', () => {
  it('round-trips any frames', () => {
    const frame = fc.record({
      receivedAt: fc.double({ min: 0, max: 2e12, noNaN: true }),
      bytes: fc.uint8Array({ maxLength: 300 }),
    })
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 20 }), (frames) => {
        const decoded = decodeFrames(file(frames))
        expect(decoded.truncatedBytes).toBe(0)
        expect(decoded.frames).toEqual(frames)
      }),
      { numRuns: 200 },
    )
  })

  it('stops at a cut-off last frame and reports it', () => {
    const frames = [
      { receivedAt: 1, bytes: Uint8Array.of(1, 2, 3) },
      { receivedAt: 2, bytes: Uint8Array.of(4, 5, 6, 7) },
    ]
    const whole = file(frames)
    const cut = decodeFrames(whole.subarray(0, whole.byteLength - 2))
    expect(cut.frames).toEqual(frames.slice(0, 1))
    expect(cut.truncatedBytes).toBe(14)
    expect(() => decodeFrames(Uint8Array.of(1, 2, 3))).toThrow('magic')
    const huge = file([])
    const bad = Uint8Array.from([...huge, 255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(() => decodeFrames(bad)).toThrow('claims 4294967295 bytes')
  })

  it('replays at recorded, accelerated and unlimited speed', async () => {
    const frames = [0, 100, 200, 300].map((t) => ({ receivedAt: 1_000 + t, bytes: Uint8Array.of(t / 100) }))
    const timed = async (speed: number) => {
      const start = Date.now()
      const out: CaptureFrame[] = []
      for await (const f of replayFrames(frames, { speed })) out.push(f)
      return { ms: Date.now() - start, out }
    }
    const recorded = await timed(1)
    expect(recorded.ms).toBeGreaterThanOrEqual(290)
    const fast = await timed(10)
    expect(fast.ms).toBeLessThan(200)
    expect(fast.ms).toBeGreaterThanOrEqual(25)
    const asap = await timed(Number.POSITIVE_INFINITY)
    expect(asap.ms).toBeLessThan(50)
    expect(asap.out.map((f) => f.receivedAt)).toEqual(frames.map((f) => f.receivedAt))
    expect(recorded.out.map((f) => f.bytes[0])).toEqual([0, 1, 2, 3])
  })
})

describe('record -> replay round trip through real UDP sockets', () => {
  it('records a live stream to a file and replays it, byte for byte, to another listener', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pitwall-capture-'))
    try {
      const path = join(dir, 'session.pwcap')
      const packets = readdirSync(join(udpFixtures, '2024-packets'))
        .filter((f) => f.endsWith('.bin'))
        .map((f) => new Uint8Array(readFileSync(join(udpFixtures, '2024-packets', f))))
      const writer = new CaptureWriter(path)
      const recorder = new UdpListener({
        port: 0,
        host: '127.0.0.1',
        onDatagram: (bytes, receivedAt) => writer.write({ bytes, receivedAt }),
      })
      const recordPort = await recorder.start()
      // the "game": one datagram every 5 ms
      const game = packets.map((bytes, i) => ({ bytes, receivedAt: i * 5 }))
      expect(await sendFrames(game, { port: recordPort, speed: 1 })).toBe(packets.length)
      const deadline = Date.now() + 5000
      while (writer.frames < packets.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      await recorder.close()
      await writer.close()

      const { frames, truncatedBytes } = await readCaptureFile(path)
      expect(truncatedBytes).toBe(0)
      expect(frames.map((f) => [...f.bytes])).toEqual(packets.map((p) => [...p]))
      expect(frames.at(-1)!.receivedAt - frames[0]!.receivedAt).toBeGreaterThanOrEqual((packets.length - 1) * 5 - 5)

      const replayed: Uint8Array[] = []
      const target = new UdpListener({
        port: 0,
        host: '127.0.0.1',
        onDatagram: (bytes) => replayed.push(Uint8Array.from(bytes)),
      })
      const port = await target.start()
      const started = Date.now()
      await sendFrames(frames, { port, speed: 4 })
      const elapsed = Date.now() - started
      while (replayed.length < packets.length && Date.now() < deadline + 5000)
        await new Promise((r) => setTimeout(r, 10))
      await target.close()
      expect(replayed.map((b) => [...b])).toEqual(packets.map((p) => [...p]))
      expect(elapsed).toBeLessThan(frames.at(-1)!.receivedAt - frames[0]!.receivedAt)
      expect(target.counts.rejected.truncated + target.counts.rejected.oversized).toBe(2) // RDFL, SCAR
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('maps a replayed capture to records as fast as possible', async () => {
    const lines = readFileSync(join(udpFixtures, '2024.jsonl'), 'utf8').split('\n').filter(Boolean)
    const frames = lines.map((l) => {
      const c = JSON.parse(l) as { time: string; message: { data: number[] } }
      return { receivedAt: Date.parse(c.time), bytes: Uint8Array.from(c.message.data) }
    })
    frames.sort((a, b) => a.receivedAt - b.receivedAt) // a real capture is in receive order
    const path = join(mkdtempSync(join(tmpdir(), 'pitwall-capture-')), 'x.pwcap')
    writeFileSync(path, file(frames))
    const records = []
    for await (const r of frameRecords(
      replayFrames((await readCaptureFile(path)).frames, { speed: Number.POSITIVE_INFINITY }),
    ))
      records.push(r)
    expect(records.some((r) => r.topic === 'f1.race-control')).toBe(true)
    expect(records.some((r) => r.topic === 'f1.telemetry.raw')).toBe(true)
    rmSync(path)
  })
})
