import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { StudiosController } from './studios.controller';
import { StudiosService } from './studios.service';

@Module({
  imports: [AccessModule, AuditModule],
  controllers: [StudiosController],
  providers: [StudiosService],
})
export class StudiosModule {}
