import { join } from 'node:path';

/** Where scripts/build-fixtures.sh put the offline fixtures and their templates. */
export const fixturesDir = process.env['TWINLAB_FIXTURES_DIR'] ?? '/var/lib/twinlab/fixtures';
export const fixtureTemplatesDir = join(fixturesDir, 'templates');
