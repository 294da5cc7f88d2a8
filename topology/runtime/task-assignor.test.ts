import { describe, expect, it } from 'vitest'
import { assignTasks, taskPartitions, topologyTasks } from './task-assignor.ts'

const subs = [
  { id: 0, sourceTopics: ['in'] },
  { id: 1, sourceTopics: ['app-agg-repartition', 'other'] },
]

describe('task assignor', () => {
  it('derives one task per partition of each sub-topology', () => {
    const counts = new Map([
      ['in', 3],
      ['app-agg-repartition', 2],
      ['other', 2],
    ])
    expect(topologyTasks(subs, counts)).toEqual(['0_0', '0_1', '0_2', '1_0', '1_1'])
  })

  it('balances tasks and keeps owned tasks (sticky)', () => {
    const tasks = ['0_0', '0_1', '0_2', '0_3', '0_4']
    const first = assignTasks(tasks, [{ memberId: 'a', ownedTasks: tasks }])
    expect(first.get('a')).toEqual(tasks)
    const second = assignTasks(tasks, [
      { memberId: 'a', ownedTasks: tasks },
      { memberId: 'b', ownedTasks: [] },
    ])
    expect(second.get('a')).toEqual(['0_0', '0_1', '0_2'])
    expect(second.get('b')).toEqual(['0_3', '0_4'])
    const third = assignTasks(tasks, [{ memberId: 'b', ownedTasks: second.get('b')! }])
    expect(third.get('b')?.sort()).toEqual([...tasks].sort())
  })

  it('never assigns a task twice, even when two members claim it', () => {
    const result = assignTasks(
      ['0_0', '0_1'],
      [
        { memberId: 'a', ownedTasks: ['0_0'] },
        { memberId: 'b', ownedTasks: ['0_0'] },
      ],
    )
    expect([...result.values()].flat().sort()).toEqual(['0_0', '0_1'])
    expect(result.get('a')).toEqual(['0_0'])
    expect(result.get('b')).toEqual(['0_1'])
  })

  it('expands tasks to every source topic of the sub-topology', () => {
    expect(taskPartitions(['1_1', '0_2'], subs)).toEqual(
      new Map([
        ['app-agg-repartition', [1]],
        ['other', [1]],
        ['in', [2]],
      ]),
    )
  })
})
