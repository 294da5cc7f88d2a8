import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { ErrorCodes, PitwallError } from './errors.ts'
import { checkBrokerReachable, checkS3Reachable } from './reachability.ts'

// a port that nothing listens on: bind an ephemeral port, then release it
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('reachability checks', () => {
  it('names the broker address and what to do when no broker answers', async () => {
    const address = `127.0.0.1:${await closedPort()}`
    const error = await checkBrokerReachable([address], 1000).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PitwallError)
    expect((error as PitwallError).code).toBe(ErrorCodes.BROKER_UNREACHABLE)
    expect((error as PitwallError).message).toContain(`no Kafka broker answers at ${address}`)
    expect((error as PitwallError).message).toContain('PITWALL_BROKERS')
  })

  it('names the S3 endpoint and what to do when nothing answers there', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`
    const error = await checkS3Reachable(endpoint, 1000).catch((e: unknown) => e)
    expect((error as PitwallError).code).toBe(ErrorCodes.S3_UNREACHABLE)
    expect((error as PitwallError).message).toContain(`no S3 endpoint answers at ${endpoint}`)
    expect((error as PitwallError).message).toContain('PITWALL_S3_ENDPOINT')
  })
})
