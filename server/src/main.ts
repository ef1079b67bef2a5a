import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/config';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const app = await NestFactory.create(AppModule.forRoot(config));
  app.setGlobalPrefix('api');
  await app.listen(config.port, '0.0.0.0');
  console.log(`server listening on http://127.0.0.1:${config.port}/api (database: ${config.database.type})`);
}

void bootstrap();
