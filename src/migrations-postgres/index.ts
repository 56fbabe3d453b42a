import * as migration_20261128_121529_initial from './20261128_121529_initial';

export const migrations = [
  {
    up: migration_20261128_121529_initial.up,
    down: migration_20261128_121529_initial.down,
    name: '20261128_121529_initial'
  },
];
