/**
 * @module
 * A task's checkpoint file: for each changelog partition, the offset up to which the local stores
 * reflect the changelog. Written atomically (temp file + rename). At-least-once it is written after
 * each commit and decides where every LevelDB store of the task restores from. Under exactly-once
 * LevelDB stores carry their own checkpoint inside their database, written atomically with the
 * committed writes (stores/internals/level-checkpoint.ts; proof in the runtime README, "State"), so
 * a crash restores incrementally; the file is then written only on a clean close and deleted when
 * processing resumes, and only unlogged LevelDB stores depend on it (kept after a clean close only).
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Changelog `topic:partition` -> next offset to restore from. */
export type Checkpoint = Map<string, bigint>

const FILE = '.checkpoint'

/**
 * Reads the checkpoint of a task directory; undefined when absent or unreadable.
 *
 * @example
 * ```ts
 * const cp = await readCheckpoint('/var/pitwall/app/0_1')
 * ```
 */
export async function readCheckpoint(taskDir: string): Promise<Checkpoint | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(taskDir, FILE), 'utf8')) as Record<string, string>
    return new Map(Object.entries(parsed).map(([k, v]) => [k, BigInt(v)]))
  } catch {
    return undefined
  }
}

/**
 * Writes a checkpoint atomically.
 *
 * @example
 * ```ts
 * await writeCheckpoint(dir, new Map([['app-counts-changelog:1', 1200n]]))
 * ```
 */
export async function writeCheckpoint(taskDir: string, checkpoint: Checkpoint): Promise<void> {
  await mkdir(taskDir, { recursive: true })
  const tmp = join(taskDir, `${FILE}.tmp`)
  await writeFile(tmp, JSON.stringify(Object.fromEntries([...checkpoint].map(([k, v]) => [k, String(v)]))))
  await rename(tmp, join(taskDir, FILE))
}

/**
 * Removes a task's checkpoint (its state is about to diverge from it).
 *
 * @example
 * ```ts
 * await deleteCheckpoint(dir)
 * ```
 */
export async function deleteCheckpoint(taskDir: string): Promise<void> {
  await rm(join(taskDir, FILE), { force: true })
}
