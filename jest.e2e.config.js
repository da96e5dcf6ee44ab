/** Browser journeys of the H5 build in headless Chromium: `npm run test:e2e` (after `npm run build:h5`). */
const base = require('./jest.config')
module.exports = {
  ...base,
  testMatch: ['**/tests/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
  globalSetup: undefined,
}
