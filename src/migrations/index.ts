import * as migration_20261127_204608_initial from './20261127_204608_initial';
import * as migration_20261127_212155_licensing from './20261127_212155_licensing';
import * as migration_20261127_212713_editorial from './20261127_212713_editorial';

export const migrations = [
  {
    up: migration_20261127_204608_initial.up,
    down: migration_20261127_204608_initial.down,
    name: '20261127_204608_initial',
  },
  {
    up: migration_20261127_212155_licensing.up,
    down: migration_20261127_212155_licensing.down,
    name: '20261127_212155_licensing',
  },
  {
    up: migration_20261127_212713_editorial.up,
    down: migration_20261127_212713_editorial.down,
    name: '20261127_212713_editorial'
  },
];
