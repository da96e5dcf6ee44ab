// Bundles each cloud function from src/server/cloud/<name>.ts into cloudfunctions/<name>/index.js.
// wx-server-sdk stays external: CloudBase installs it from the function's package.json.
import { build } from 'esbuild'
import { statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
for (const name of ['api', 'sweep', 'setup']) {
  const outfile = join(root, 'cloudfunctions', name, 'index.js')
  const result = await build({
    entryPoints: [join(root, 'src/server/cloud', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    external: ['wx-server-sdk'],
    // the cloud path must never pull in the self-hosted database drivers or the HTTP server
    plugins: [
      {
        name: 'cloud-only',
        setup(b) {
          b.onResolve({ filter: /^(@electric-sql\/pglite|pg|fastify|@fastify\/.*|kysely)$/ }, (args) => ({
            errors: [{ text: `${args.path} must not be bundled into a cloud function (imported by ${args.importer})` }],
          }))
        },
      },
    ],
    logLevel: 'warning',
  })
  if (result.errors.length) process.exit(1)
  console.log(`cloudfunctions/${name}/index.js  ${(statSync(outfile).size / 1024).toFixed(1)} KB`)
}
