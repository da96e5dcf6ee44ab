// Import boundaries of src/ (`npm run depcruise`): no loops; the pure core (src/core) imports nothing
// from the server, the app, Node's I/O or the platform packages (docs/DESIGN.md "Architecture"); the
// app imports nothing from the server (it talks to it through the API only).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import loop: a module reaches itself again through its imports. Move what both need into a module of its own.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core holds the rules and does no I/O: it may not import the server or the app.',
      from: { path: '^src/core/' },
      to: { path: '^src/(server|app)/' },
    },
    {
      name: 'core-no-node-io',
      severity: 'error',
      comment: "src/core does no I/O: no files, network, processes or threads (it runs in the mini-program's main package too).",
      from: { path: '^src/core/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|dns|child_process|cluster|worker_threads|os|readline|repl|inspector|v8|vm|process)$',
      },
    },
    {
      name: 'core-no-platform',
      severity: 'error',
      comment: 'src/core knows no database, web server, cloud SDK or Taro: those belong to src/server and src/app.',
      from: { path: '^src/core/' },
      to: { path: '(^|/)node_modules/(wx-server-sdk|pg|@electric-sql/pglite|kysely|fastify|@fastify/[^/]+|@tarojs/[^/]+|exceljs|qrcode)/' },
    },
    {
      name: 'app-not-server',
      severity: 'error',
      comment: 'src/app reaches the server through the API client only; shared types and rules live in src/core.',
      from: { path: '^src/app/' },
      to: { path: '^src/server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|cloudfunctions)/' },
    // type-only imports count: a loop of types is still a loop to untangle
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
}
