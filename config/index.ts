// Taro build configuration: one source (src/app) for the WeChat mini-program (dist/weapp) and the
// H5 app of the self-hosted mode (dist/h5).
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { Precompress } from './precompress'

// the shared core (schemas, API types) lives beside the app and is compiled with it
const CORE = path.resolve(__dirname, '../src/core')

export default defineConfig<'webpack5'>(async (merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'shouwen',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src/app',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // the mini-program template learns aria-role and aria-label (config/aria.ts)
    plugins: [path.resolve(__dirname, 'aria.ts')],
    defineConstants: {
      // the CloudBase environment baked into the mini-program; empty = the current environment
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      compile: { include: [CORE] },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [CORE] },
      webpackChain(chain) {
        // Taro splits only what the entry loads ('initial'): every page chunk carried its own copy of
        // zod, the components and the core. Shared by two or more pages, they now come in chunks of
        // their own, so a citizen's first page loads only itself and the next one reuses what came.
        const split = chain.optimization.get('splitChunks')
        const groups = split.cacheGroups
        chain.optimization.splitChunks({
          ...split,
          chunks: 'all',
          minSize: 10_000,
          cacheGroups: { ...groups, taro: { ...groups.taro, chunks: 'initial' } },
        })
        chain.plugin('precompress').use(Precompress)
      },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  return merge({}, base)
})
