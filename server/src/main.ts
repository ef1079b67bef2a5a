import 'reflect-metadata';
import { createApp } from './bootstrap';
import { type AppConfig, ConfigError, loadConfig } from './config/config';
import { SchemaBehindError } from './database/migrate';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(config);
  } catch (e) {
    if (e instanceof SchemaBehindError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  await app.listen(config.port, '0.0.0.0');
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'info', context: 'Main', msg: `listening on http://127.0.0.1:${config.port}/api`, database: config.database.type, port: config.port })}\n`,
  );
}

void bootstrap();
