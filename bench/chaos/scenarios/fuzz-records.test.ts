import { describe, expect, it } from 'vitest'
import { validate } from '../../workload/semantics.ts'
import { seededRandom } from '../run-scenario.ts'
import { fuzzRecord } from './fuzz-records.ts'

describe('fuzz records', () => {
  it('are all rejected by the workload validation, with a reason', () => {
    const random = seededRandom(7)
    const kinds = new Set<string>()
    for (let i = 0; i < 180; i++) {
      const r = fuzzRecord(i, random)
      kinds.add(r.kind)
      const v = validate(r.value)
      expect(v.ok, `${r.kind} #${i}`).toBe(false)
      if (!v.ok) expect(v.reason.length).toBeGreaterThan(0)
    }
    expect(kinds.size).toBe(9)
  })

  it('include values above the 1 KiB sample limit', () => {
    const oversized = fuzzRecord(2, seededRandom(1))
    expect(oversized.kind).toBe('oversized')
    expect(oversized.value!.length).toBeGreaterThan(2048)
    expect(validate(oversized.value)).toEqual({ ok: false, reason: 'oversized' })
  })
})
