#!/usr/bin/env node
// The operator's command line. Runs the TypeScript sources directly (tsx), so `npx shouwen` works
// right after `npm ci` with no build step.
require('tsx/cjs')
require('../src/server/cli.ts')
