import 'reflect-metadata';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/config';
import { createOpenApiDocument } from './openapi';

/**
 * Prints the OpenAPI document (JSON) on stdout. The app is built on an in-memory embedded
 * database, so no database server is needed; nothing is listened on.
 */
async function main(): Promise<void> {
  const app = await createApp(
    loadConfig({
      DATABASE_URL: 'sqlite::memory:',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'openapi-document-only-0123456789abcdef',
    }),
  );
  const document = createOpenApiDocument(app);
  await app.close();
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
