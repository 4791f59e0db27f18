// One lint config: typescript-eslint's recommended rules on the whole tree, and the layer rule.
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first (README, Architecture): a module may import from its own
 * layer and the ones below it, never from one above. Tests and scripts may reach across.
 */
const layers = [
  ['money', 'errors'],
  ['input'],
  ['trust'],
  ['deal'],
  ['collateral'],
  ['servicing'],
  ['waterfall'],
  ['store'],
  ['projection', 'analytics'],
  ['reports'],
  ['administration'],
  ['api', 'cli', 'web'],
];

const layerRules = layers.slice(0, -1).map((layer, i) => {
  const above = layers.slice(i + 1).flat();
  return {
    files: layer.map((folder) => `src/${folder}/**/*.ts`),
    ignores: ['**/*.test.ts', '**/*.script.ts', '**/test*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)(${above.join('|')})/`,
              message: `${layer.join('/')} is below ${above.join(', ')}: import only from its own layer and the ones below it (eslint.config.js).`,
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  // AssemblyScript (*.as.ts: WebAssembly kernels) is checked by its compiler, asc.
  { ignores: ['node_modules/**', 'var/**', 'src/web/static/vendor/**', 'src/**/*.as.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  ...layerRules,
);
