import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBody } from '../common/domain-exception.filter';

/**
 * The OpenAPI document of the whole API: requests and answers (response DTOs), served at
 * /api/docs-json and the source of the app's types (mini/src/services/api-types.ts, made by
 * `pnpm --filter @master-studio/mini api:types`).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('技能大师工作室助手 API')
    .setDescription(
      '工作室档案、签到、角色与审计；进度与考核由 shared-rules 计算。错误统一为 ErrorBody { code, message, fields? }。',
    )
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ErrorBody] });
}
