import * as migration_20261127_215536_initial from './20261127_215536_initial';
import * as migration_20261128_105127_images from './20261128_105127_images';

export const migrations = [
  {
    up: migration_20261127_215536_initial.up,
    down: migration_20261127_215536_initial.down,
    name: '20261127_215536_initial',
  },
  {
    up: migration_20261128_105127_images.up,
    down: migration_20261128_105127_images.down,
    name: '20261128_105127_images'
  },
];
