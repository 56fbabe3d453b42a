import * as migration_20261128_102125_initial from './20261128_102125_initial';

export const migrations = [
  {
    up: migration_20261128_102125_initial.up,
    down: migration_20261128_102125_initial.down,
    name: '20261128_102125_initial'
  },
];
