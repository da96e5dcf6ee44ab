// ESLint for the whole code base: the recommended JavaScript and typescript-eslint rules (without type
// information, so a lint run stays fast), the rules of hooks for the app, and Node or browser globals
// where the code runs there.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { defineConfig } from 'eslint/config'

export default defineConfig(
  {
    ignores: ['dist/**', 'cloudfunctions/*/index.js', 'node_modules/**', 'coverage/**', 'test-results/**', 'data/**', '.swc/**', 'docs/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `any` hides what the contract promises; where it is needed, say why in a disable comment
      '@typescript-eslint/no-explicit-any': 'warn',
      // `_name` marks a parameter kept for its position
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // `a && b()` and `x ? f() : g()` as statements are the house style for small branches
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // the forms and the case card set Chinese text with the ideographic space (U+3000) on purpose
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, wx: 'readonly' } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.jest } },
    // the tests load the bundled cloud functions as CloudBase does (CommonJS), and some modules lazily
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
