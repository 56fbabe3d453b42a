import * as migration_20261128_121529_initial from './20261128_121529_initial';
import * as migration_20261202_004529_body_images from './20261202_004529_body_images';
import * as migration_20261202_004945_sections_authors from './20261202_004945_sections_authors';

export const migrations = [
  {
    up: migration_20261128_121529_initial.up,
    down: migration_20261128_121529_initial.down,
    name: '20261128_121529_initial',
  },
  {
    up: migration_20261202_004529_body_images.up,
    down: migration_20261202_004529_body_images.down,
    name: '20261202_004529_body_images',
  },
  {
    up: migration_20261202_004945_sections_authors.up,
    down: migration_20261202_004945_sections_authors.down,
    name: '20261202_004945_sections_authors'
  },
];
