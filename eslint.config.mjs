import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const libBans = ['express', 'bullmq', 'ioredis'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', '**/.cache/**', '**/coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'app:api',
              onlyDependOnLibsWithTags: ['layer:contracts', 'layer:data', 'layer:security'],
              bannedExternalImports: ['wink-nlp', 'wink-eng-lite-web-model', 'natural'],
            },
            {
              sourceTag: 'app:worker',
              onlyDependOnLibsWithTags: ['layer:contracts', 'layer:pipeline', 'layer:data', 'layer:security'],
            },
            { sourceTag: 'app:cli', onlyDependOnLibsWithTags: ['layer:contracts', 'layer:pipeline', 'layer:data'] },
            // The browser UI talks to the API over HTTP; it may share only the contracts' types and schemas.
            // (Node built-ins are kept out by its tsconfig, which has no Node types.)
            {
              sourceTag: 'app:web',
              onlyDependOnLibsWithTags: ['layer:contracts'],
              bannedExternalImports: [...libBans, 'wink-nlp', 'wink-eng-lite-web-model', 'natural'],
            },
            {
              sourceTag: 'layer:pipeline',
              onlyDependOnLibsWithTags: ['layer:contracts', 'layer:data'],
              bannedExternalImports: libBans,
            },
            {
              sourceTag: 'layer:data',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: [...libBans, 'wink-nlp', 'wink-eng-lite-web-model'],
            },
            {
              sourceTag: 'layer:contracts',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: [...libBans, 'wink-nlp', 'wink-eng-lite-web-model', 'natural'],
            },
            // PHI redaction and encryption at rest: self-contained, so that every app can trust it.
            {
              sourceTag: 'layer:security',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: [...libBans, 'wink-nlp', 'wink-eng-lite-web-model', 'natural'],
            },
          ],
        },
      ],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.spec.ts', 'tools/**/*.ts'],
    rules: { 'max-lines-per-function': 'off', 'max-lines': 'off' },
  },
];
