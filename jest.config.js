/** Jest runs TypeScript as ES modules through SWC, against real services (see test/global-setup.ts). */
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    module: { type: 'es6' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      experimental: { keepImportAttributes: true },
    },
  },
];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^#platform/boot$': '<rootDir>/libs/platform/src/boot.ts',
    '^#platform/random$': '<rootDir>/libs/platform/src/random.ts',
    '^#platform/lang$': '<rootDir>/libs/platform/src/lang.ts',
    '^#directory/taxonomy$': '<rootDir>/libs/directory/src/taxonomy/index.ts',
    '^#directory/seed$': '<rootDir>/libs/directory/src/seed/index.ts',
    '^#forum/(scheduler|seed|bench)$': '<rootDir>/libs/forum/src/$1/index.ts',
    '^#forum/testing$': '<rootDir>/libs/forum/src/forum.test-fixtures.ts',
    '^#matchmaking/(engine|evaluation)$': '<rootDir>/libs/matchmaking/src/$1/index.ts',
    '^#(platform|directory|identity|search|testing|forum|matchmaking|notifications)$':
      '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
