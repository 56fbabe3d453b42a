import * as migration_20261128_121529_initial from './20261128_121529_initial';
import * as migration_20261202_003625_search_index from './20261202_003625_search_index';

export const migrations = [
  {
    up: migration_20261128_121529_initial.up,
    down: migration_20261128_121529_initial.down,
    name: '20261128_121529_initial',
  },
  {
    up: migration_20261202_003625_search_index.up,
    down: migration_20261202_003625_search_index.down,
    name: '20261202_003625_search_index'
  },
];
