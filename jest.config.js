/** Real PostgreSQL for every test: globalSetup starts the embedded server (or uses DATABASE_URL)
 * and each test file creates and drops a database of its own. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  setupFiles: ['reflect-metadata'],
  maxWorkers: 2,
  testTimeout: 60000,
};
