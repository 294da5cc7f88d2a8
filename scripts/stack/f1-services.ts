/**
 * @module
 * The F1 services of `npm start`: topic creation, the F1 worker processes (topology/cli/worker.ts
 * running topology/f1/worker.ts, exactly-once) and the simulator in real time (looping races).
 * Each logs to `.cache/stack/logs/<name>.log` and stops cleanly on SIGTERM/SIGINT.
 */
import { join } from 'node:path'
import { F1Topics } from '../../topology/f1/topics.ts'
import { ensureF1Topics } from '../f1/topic-setup.ts'
import { LoggedChild } from './child-process.ts'
import type { StackContext, StackService } from './service.ts'

const repoRoot = join(import.meta.dirname, '../..')
/** Where the stack's own processes log. */
export const STACK_LOG_DIR = join(repoRoot, '.cache/stack/logs')

function brokersOf(context: StackContext): string[] {
  if (!context.provided.brokers) throw new Error('the broker service must start before the F1 services')
  return context.provided.brokers
}

/** Environment of a child: the parent's, minus PITWALL_* overrides that the stack decides. */
function childEnv(context: StackContext, extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, PITWALL_BROKERS: brokersOf(context).join(','), ...extra }
}

/**
 * Creates the F1 topics that are missing (`PITWALL_PARTITIONS` partitions per car topic).
 *
 * @example
 * ```ts
 * const running = await topicsService.start(context)
 * ```
 */
export const topicsService: StackService = {
  name: 'topics',
  description: 'the F1 topics (topology/f1/topics.ts)',
  async start(context) {
    const partitions = context.config.partitions
    const report = await ensureF1Topics({ brokers: brokersOf(context), carPartitions: partitions })
    context.provided.f1Topics = true
    const count = report.created.length + report.existing.length
    return {
      summary: `${count} F1 topics, ${partitions} partitions per car topic (${report.created.length} created)`,
      stop: async () => {},
    }
  },
}

/**
 * `count` F1 worker processes in one consumer group (PITWALL_APPLICATION_ID), exactly-once v2,
 * LevelDB state under PITWALL_STATE_DIR; ready once every worker reports `running`.
 *
 * @example
 * ```ts
 * const STACK_SERVICES = [brokerService, s3Service, topicsService, f1WorkerService(2)]
 * ```
 */
export function f1WorkerService(count = 1): StackService {
  return {
    name: 'workers',
    description: `${count} F1 worker process(es), exactly_once_v2`,
    async start(context) {
      const { config } = context
      const workers: LoggedChild[] = []
      const stopAll = async () => {
        const codes = await Promise.all(workers.map((w) => w.stop('SIGTERM', 45_000)))
        for (const [i, code] of codes.entries()) context.log.info(`${workers[i]!.name} exited with ${code}`)
      }
      try {
        for (let i = 1; i <= count; i++) {
          workers.push(
            LoggedChild.start({
              name: `worker-${i}`,
              args: [
                join(repoRoot, 'topology/cli/worker.ts'),
                '--topology',
                join(repoRoot, 'topology/f1/worker.ts'),
                '--worker-id',
                `stack-${i}`,
                '--dead-letter-topic',
                F1Topics.telemetryQuarantine.name,
              ],
              env: childEnv(context, {
                PITWALL_PROCESSING_GUARANTEE: config.processingGuarantee,
                PITWALL_APPLICATION_ID: config.applicationId,
                PITWALL_STATE_DIR: join(config.stateDir, `worker-${i}`),
              }),
              logFile: join(STACK_LOG_DIR, `worker-${i}.log`),
            }),
          )
        }
        await Promise.all(workers.map((w) => w.waitForLog(/-> running/, 120_000)))
      } catch (error) {
        await stopAll()
        throw error
      }
      context.provided.applicationId = config.applicationId
      return {
        summary: `${count} F1 worker(s) (${config.processingGuarantee}, group ${config.applicationId}, pids ${workers.map((w) => w.pid).join(', ')})`,
        logFile: join(STACK_LOG_DIR, 'worker-*.log'),
        stop: stopAll,
      }
    },
  }
}

/**
 * The simulator in real time: PITWALL_CARS cars from PITWALL_SEED, 55-lap races back to back.
 *
 * @example
 * ```ts
 * const running = await simulatorService.start(context)
 * ```
 */
export const simulatorService: StackService = {
  name: 'simulator',
  description: 'the race simulator, real time, races back to back',
  async start(context) {
    const { config } = context
    const logFile = join(STACK_LOG_DIR, 'simulator.log')
    const child = LoggedChild.start({
      name: 'simulator',
      args: [
        join(repoRoot, 'scripts/f1-source.ts'),
        'simulator',
        '--realtime',
        '--loop',
        '--no-create',
        '--cars',
        String(config.cars),
        '--seed',
        String(config.seed),
        '--laps',
        '55',
        '--progress-ms',
        '5000',
        '--truth',
        join(repoRoot, '.cache/stack/truth/{session}.json'),
      ],
      env: childEnv(context, {}),
      logFile,
    })
    await child.waitForLog(/"event":"progress"/, 60_000).catch(async (error) => {
      await child.stop('SIGINT', 10_000)
      throw error
    })
    return {
      summary: `simulator: ${config.cars} cars, seed ${config.seed}, real time, 55-lap races back to back (pid ${child.pid})`,
      logFile,
      stop: async () => {
        const code = await child.stop('SIGINT', 15_000)
        context.log.info(`simulator exited with ${code}`)
      },
    }
  },
}
