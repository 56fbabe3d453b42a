import * as migration_20261127_215536_initial from './20261127_215536_initial';
import * as migration_20261128_102527_media_public_and_seed_key from './20261128_102527_media_public_and_seed_key';
import * as migration_20261128_110753_site_identity_feeds_tdm from './20261128_110753_site_identity_feeds_tdm';
import * as migration_20261128_121410_images from './20261128_121410_images';
import * as migration_20261202_003552_search_index from './20261202_003552_search_index';
import * as migration_20261202_015115_archive_and_body_images from './20261202_015115_archive_and_body_images';
import * as migration_20261202_040000_search_index_version from './20261202_040000_search_index_version';
import * as migration_20261202_041832_status_date_indexes from './20261202_041832_status_date_indexes';
import * as migration_20261202_060000_search_results_version from './20261202_060000_search_results_version';
import * as migration_20261202_080000_search_prefixes from './20261202_080000_search_prefixes';

export const migrations = [
  {
    up: migration_20261127_215536_initial.up,
    down: migration_20261127_215536_initial.down,
    name: '20261127_215536_initial',
  },
  {
    up: migration_20261128_102527_media_public_and_seed_key.up,
    down: migration_20261128_102527_media_public_and_seed_key.down,
    name: '20261128_102527_media_public_and_seed_key',
  },
  {
    up: migration_20261128_110753_site_identity_feeds_tdm.up,
    down: migration_20261128_110753_site_identity_feeds_tdm.down,
    name: '20261128_110753_site_identity_feeds_tdm',
  },
  {
    up: migration_20261128_121410_images.up,
    down: migration_20261128_121410_images.down,
    name: '20261128_121410_images',
  },
  {
    up: migration_20261202_003552_search_index.up,
    down: migration_20261202_003552_search_index.down,
    name: '20261202_003552_search_index',
  },
  {
    up: migration_20261202_015115_archive_and_body_images.up,
    down: migration_20261202_015115_archive_and_body_images.down,
    name: '20261202_015115_archive_and_body_images',
  },
  {
    up: migration_20261202_040000_search_index_version.up,
    down: migration_20261202_040000_search_index_version.down,
    name: '20261202_040000_search_index_version',
  },
  {
    up: migration_20261202_041832_status_date_indexes.up,
    down: migration_20261202_041832_status_date_indexes.down,
    name: '20261202_041832_status_date_indexes',
  },
  {
    up: migration_20261202_060000_search_results_version.up,
    down: migration_20261202_060000_search_results_version.down,
    name: '20261202_060000_search_results_version',
  },
  {
    up: migration_20261202_080000_search_prefixes.up,
    down: migration_20261202_080000_search_prefixes.down,
    name: '20261202_080000_search_prefixes',
  },
];
