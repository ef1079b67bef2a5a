/**
 * The database the integration tests use. CI sets DATABASE_URL to a fresh MariaDB
 * database and must never fall back silently; a developer without MariaDB gets the
 * embedded database and a loud notice.
 */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  if (process.env.CI) {
    throw new Error(
      'DATABASE_URL is not set: integration tests in CI must run against MariaDB/MySQL',
    );
  }
  console.warn('DATABASE_URL not set: integration tests run on the embedded SQLite database');
  return 'sqlite::memory:';
}
