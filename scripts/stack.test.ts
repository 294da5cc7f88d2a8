import { describe, expect, it } from 'vitest'
import { loadConfig } from '../core/config.ts'
import { isPitwallError } from '../core/errors.ts'
import { createLogger } from '../core/logger.ts'
import type { StackService } from './stack/service.ts'
import { STACK_SERVICES, selectServices, startStack } from './stack.ts'

const quiet = createLogger({ write: () => {} })

function recorder(events: string[], name: string, fail = false): StackService {
  return {
    name,
    description: name,
    async start({ provided }) {
      if (fail) throw new Error(`${name} cannot start`)
      events.push(`start ${name} after ${Object.keys(provided).join('+') || 'nothing'}`)
      provided[name] = true
      return { summary: name, stop: async () => void events.push(`stop ${name}`) }
    },
  }
}

describe('the stack', () => {
  it('lists the broker first, then S3', () => {
    expect(STACK_SERVICES.map((service) => service.name).slice(0, 2)).toEqual(['broker', 's3'])
  })

  it('selects services by positional name, skipping flags and their values', () => {
    const names = selectServices(['--cars', '3', 's3', '--seed=1'], STACK_SERVICES).map((s) => s.name)
    expect(names).toEqual(['s3'])
    expect(selectServices([], STACK_SERVICES)).toHaveLength(STACK_SERVICES.length)
  })

  it('rejects an unknown service, naming it and the known ones', () => {
    try {
      selectServices(['dashboard-x'], STACK_SERVICES)
      expect.unreachable()
    } catch (error) {
      expect(isPitwallError(error)).toBe(true)
      expect((error as Error).message).toContain("unknown service 'dashboard-x': known services are broker, s3")
    }
  })

  it('starts services in order, sharing what they provide, and stops them in reverse', async () => {
    const events: string[] = []
    const stack = await startStack(loadConfig({ env: {} }), [recorder(events, 'a'), recorder(events, 'b')], quiet)
    await stack.stop()
    expect(events).toEqual(['start a after nothing', 'start b after a', 'stop b', 'stop a'])
  })

  it('stops the started services when a later one fails', async () => {
    const events: string[] = []
    const services = [recorder(events, 'a'), recorder(events, 'b', true)]
    await expect(startStack(loadConfig({ env: {} }), services, quiet)).rejects.toThrow('b cannot start')
    expect(events).toEqual(['start a after nothing', 'stop a'])
  })
})
