import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { checkinLinks } from './checkin/checkin-link';
import { jsonBody } from './common/json-body';
import { uploadBody } from './imports/upload-body';
import type { AppConfig } from './config/config';
import { JsonLogger } from './logging/json-logger';
import { requestLogger } from './logging/request-log';
import { createOpenApiDocument } from './openapi/openapi';
import { seedDemoIfEmpty } from './seed/demo-seed';
import { staticSite } from './static-site';

/** Builds the whole HTTP app; main.ts and the integration tests share it. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const logger = new JsonLogger(config.log.level);
  // abortOnError off: a failed start throws to the caller (main.ts prints why) instead of exiting here.
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  if (config.log.requests && config.log.level !== 'silent') app.use(requestLogger(logger));
  // Import uploads (the file's bytes) first; everything else is JSON only (imports/upload-body.ts).
  app.use(uploadBody());
  // JSON objects only, size and depth checked before parsing (common/json-body.ts); Nest's parser is off.
  app.use(jsonBody());
  // Check-in links (/c/<code>) and the WeChat console's verification file live outside /api and
  // must answer before the H5 app's fallback to index.html.
  app.use(checkinLinks(config));
  if (config.staticDir) app.use(staticSite(config.staticDir));
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
  if (config.auth.jwtSecretIsDemoDefault)
    logger.warn(
      'JWT_SECRET is not set: using the demo default secret (DEMO_LOGIN=true). Never do this in production.',
      'Config',
    );
  if (config.publicBaseUrl === null)
    logger.warn(
      'PUBLIC_BASE_URL is not set: check-in QR links use the host each request came in at (development only).',
      'Config',
    );
  await app.init();
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(app.get(DataSource));
    logger.log(seeded ? 'demo data loaded' : 'database not empty: demo data not loaded', 'Seed');
  }
  return app;
}
