/**
 * @module
 * Where the tests find the real packet captures: ../shared/fixtures/f1-udp from the repo root
 * (CI clones the repo beside ../shared).
 */
import { join } from 'node:path'

/**
 * The f1-udp fixtures folder.
 *
 * @example
 * ```ts
 * readFileSync(join(udpFixtures, '2024-packets/2024-06.bin'))
 * ```
 */
export const udpFixtures = join(import.meta.dirname, '../../../shared/fixtures/f1-udp')
