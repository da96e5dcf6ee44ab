// Writes a Brotli (.br) and a gzip (.gz) copy beside every text asset of the H5 build, once, at the
// highest levels; `shouwen serve` sends the copy the browser accepts (@fastify/static preCompressed).
// Compressing at build time instead of per request costs the hall's server no CPU and reaches Brotli's
// quality 11, which is too slow to run on each response.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Compiler } from 'webpack'

const TEXT = /\.(js|css|html|svg|json|txt|map)$/
/** smaller than this, the headers cost more than compression saves */
const MIN_BYTES = 256

export class Precompress {
  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('Precompress', (compilation) => {
      // after minification and after html-webpack-plugin has written index.html (OPTIMIZE_INLINE)
      compilation.hooks.processAssets.tap({ name: 'Precompress', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!TEXT.test(name) || name.endsWith('.LICENSE.txt')) continue
          const bytes = compilation.getAsset(name)!.source.buffer()
          if (bytes.length < MIN_BYTES) continue
          const br = brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          })
          const gz = gzipSync(bytes, { level: 9 })
          const info = { compressed: true, immutable: compilation.getAsset(name)!.info.immutable }
          if (br.length < bytes.length) compilation.emitAsset(`${name}.br`, new sources.RawSource(br), info)
          if (gz.length < bytes.length) compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz), info)
        }
      })
    })
  }
}
