import { defineConfig } from 'drizzle-kit';

// Organisation mode's migrations (PostgreSQL): `npx drizzle-kit generate --config drizzle.pg.config.ts`.
// Applied at start-up like SQLite's (store/pg.ts); schema.ts and pg-schema.ts change together.
export default defineConfig({
	schema: './src/lib/server/db/pg-schema.ts',
	out: './drizzle-pg',
	dialect: 'postgresql',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/postgres' },
	strict: true,
	verbose: true
});
