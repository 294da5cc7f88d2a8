import { describe, expect, it } from 'vitest'
import { ActiveTasks } from './active-tasks.ts'
import type { ActiveTask } from './task-manager.ts'

const task = (id: string, partition: number, topics: string[]) =>
  ({ id, task: { partition }, positions: new Map(topics.map((t) => [t, 0n])) }) as unknown as ActiveTask

describe('ActiveTasks', () => {
  it('finds tasks by id and by source partition, and forgets them', () => {
    const tasks = new ActiveTasks()
    const a = task('0_1', 1, ['in', 'other'])
    const b = task('1_1', 1, ['app-rekey-repartition'])
    tasks.add(a)
    tasks.add(b)
    expect(tasks.size).toBe(2)
    expect(tasks.ids()).toEqual(['0_1', '1_1'])
    expect(tasks.at('other', 1)).toBe(a)
    expect(tasks.at('app-rekey-repartition', 1)).toBe(b)
    expect(tasks.at('in', 0)).toBeUndefined()
    for (const t of tasks.list()) if (t.id === '0_1') tasks.forget(t)
    expect(tasks.has('0_1')).toBe(false)
    expect(tasks.at('in', 1)).toBeUndefined()
    expect([...tasks.byId.keys()]).toEqual(['1_1'])
  })
})
