/** Browser journeys of the H5 build in headless Chromium: `npm run test:e2e` (builds dist/h5 first when stale). */
const base = require('./jest.config')
module.exports = {
  ...base,
  testMatch: ['**/tests/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
  globalSetup: '<rootDir>/tests/support/ensureH5Build.ts',
}
