import * as migration_20261128_121529_initial from './20261128_121529_initial';
import * as migration_20261202_003625_search_index from './20261202_003625_search_index';
import * as migration_20261202_015128_archive_and_body_images from './20261202_015128_archive_and_body_images';
import * as migration_20261202_040010_search_index_version from './20261202_040010_search_index_version';
import * as migration_20261202_041857_status_date_indexes from './20261202_041857_status_date_indexes';
import * as migration_20261202_050000_search_tier_vectors from './20261202_050000_search_tier_vectors';
import * as migration_20261202_060010_search_results_version from './20261202_060010_search_results_version';
import * as migration_20261202_070010_search_prefix_lexemes from './20261202_070010_search_prefix_lexemes';
import * as migration_20261204_060000_search_rank_function from './20261204_060000_search_rank_function';

export const migrations = [
  {
    up: migration_20261128_121529_initial.up,
    down: migration_20261128_121529_initial.down,
    name: '20261128_121529_initial',
  },
  {
    up: migration_20261202_003625_search_index.up,
    down: migration_20261202_003625_search_index.down,
    name: '20261202_003625_search_index',
  },
  {
    up: migration_20261202_015128_archive_and_body_images.up,
    down: migration_20261202_015128_archive_and_body_images.down,
    name: '20261202_015128_archive_and_body_images',
  },
  {
    up: migration_20261202_040010_search_index_version.up,
    down: migration_20261202_040010_search_index_version.down,
    name: '20261202_040010_search_index_version',
  },
  {
    up: migration_20261202_041857_status_date_indexes.up,
    down: migration_20261202_041857_status_date_indexes.down,
    name: '20261202_041857_status_date_indexes',
  },
  {
    up: migration_20261202_050000_search_tier_vectors.up,
    down: migration_20261202_050000_search_tier_vectors.down,
    name: '20261202_050000_search_tier_vectors',
  },
  {
    up: migration_20261202_060010_search_results_version.up,
    down: migration_20261202_060010_search_results_version.down,
    name: '20261202_060010_search_results_version',
  },
  {
    up: migration_20261202_070010_search_prefix_lexemes.up,
    down: migration_20261202_070010_search_prefix_lexemes.down,
    name: '20261202_070010_search_prefix_lexemes',
  },
  {
    up: migration_20261204_060000_search_rank_function.up,
    down: migration_20261204_060000_search_rank_function.down,
    name: '20261204_060000_search_rank_function',
  },
];
