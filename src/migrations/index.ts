import * as migration_20261127_204608_initial from './20261127_204608_initial';

export const migrations = [
  {
    up: migration_20261127_204608_initial.up,
    down: migration_20261127_204608_initial.down,
    name: '20261127_204608_initial'
  },
];
