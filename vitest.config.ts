import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{core,topology,stores,connectors,api,scripts,bench}/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/**/*.s3.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // tests that need S3 are named *.s3.test.ts: MinIO is only built and started when they run
        test: {
          name: 'integration-s3',
          include: ['test/integration/**/*.s3.test.ts'],
          globalSetup: ['test/global-setup.ts', 'test/global-setup-s3.ts'],
          testTimeout: 120_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
})
