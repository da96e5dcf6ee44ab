/** Unit, integration, contract and mini-program tests: `npm test`. Browser journeys: jest.e2e.config.js. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(chinese-days)/)'],
  testTimeout: 30000,
  globalSetup: '<rootDir>/tests/support/ensureBuilds.ts',
}
