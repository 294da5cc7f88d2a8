import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { COMMANDS, resolveCommand } from './pitwall.ts'

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/pitwall.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PITWALL_BROKERS: '127.0.0.1:1' },
  })

describe('the pitwall command', () => {
  it('resolves two-word commands before one-word ones and keeps the rest of the arguments', () => {
    expect(resolveCommand(['f1', 'worker', '--worker-id', 'a'])).toEqual({
      command: COMMANDS['f1 worker'],
      rest: ['--worker-id', 'a'],
    })
    expect(resolveCommand(['worker', '--topology', 'x.ts'])?.rest).toEqual(['--topology', 'x.ts'])
    expect(resolveCommand(['f1'])).toBeUndefined()
    expect(resolveCommand(['nope'])).toBeUndefined()
  })

  it('prints every command in its help', () => {
    const out = cli('--help')
    expect(out.status).toBe(0)
    for (const c of Object.values(COMMANDS)) expect(out.stdout).toContain(`pitwall ${c.usage}`)
  })

  it('names an unknown command and exits 2', () => {
    const out = cli('f2', 'worker')
    expect(out.status).toBe(2)
    expect(out.stderr).toContain("unknown command 'f2 worker'")
  })

  it("runs the command's script with the user's arguments and passes its exit code on", () => {
    const out = cli('worker', '--processing-guarantee', 'at_least_once')
    expect(out.status).toBe(1)
    expect(out.stderr).toContain('--topology <module path> is required')
    const bad = cli('f1', 'worker', '--processing-guarantee', 'twice')
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/processing.guarantee/i)
  })
})
