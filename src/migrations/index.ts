import * as migration_20261127_215536_initial from './20261127_215536_initial';

export const migrations = [
  {
    up: migration_20261127_215536_initial.up,
    down: migration_20261127_215536_initial.down,
    name: '20261127_215536_initial'
  },
];
