import base from '../../vite.config.ts';

/**
 * The organisation-mode tests that need Redis: run by the cluster step of `npm test` (when Redis
 * answers), not by the SQLite suite. The project's config with only these files included.
 */
export default { ...base, test: { ...base.test, include: ['tests/cluster/**/*.test.ts'] } };
