// typescript-eslint, strict and type-checked (it reads the types through TypeScript 6's API, which
// is why the compiler is TypeScript 6 and not the native 7). Prettier owns the layout.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

export default defineConfig(
  { ignores: ['dist/', 'restore/dist/', 'lib/', 'build/', 'node_modules/', '.bench/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Numbers and booleans read well in messages; objects and undefined still may not slip in.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // With noUncheckedIndexedAccess on, `items[i]!` is how a loop says the index is in range.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // An async method that needs no await still keeps its interface's Promise contract (DataCheck, the fakes).
      '@typescript-eslint/require-await': 'off',
      // Prettier wraps code at 120 but leaves long strings and comments: this catches those too.
      'max-len': ['error', { code: 120, ignoreUrls: true }],
      // Inputs and names are checked for control characters on purpose.
      'no-control-regex': 'off',
      // `_name` marks what is left out on purpose (a destructured field dropped from a copy).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // vitest's asymmetric matchers (expect.stringMatching...) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // Tests put the environment back as it was, key by key.
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
)
