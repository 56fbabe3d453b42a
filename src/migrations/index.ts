import * as migration_20261127_215536_initial from './20261127_215536_initial';
import * as migration_20261128_102140_site_identity_feeds_tdm from './20261128_102140_site_identity_feeds_tdm';

export const migrations = [
  {
    up: migration_20261127_215536_initial.up,
    down: migration_20261127_215536_initial.down,
    name: '20261127_215536_initial',
  },
  {
    up: migration_20261128_102140_site_identity_feeds_tdm.up,
    down: migration_20261128_102140_site_identity_feeds_tdm.down,
    name: '20261128_102140_site_identity_feeds_tdm'
  },
];
