import { describe, expect, it } from 'vitest'

describe('runtime', () => {
  it('is Node 24 (the node@24 package of the project, not the machine Node 20)', () => {
    expect(process.versions.node.split('.')[0]).toBe('24')
    expect(process.release.lts).toBeTruthy()
  })

  it('strips TypeScript types natively (the .ts scripts run without a build step)', () => {
    expect(process.features.typescript).toBe('strip')
  })
})
