import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { SignoffsController } from './signoffs.controller';
import { SignoffsService } from './signoffs.service';

@Module({
  imports: [AccessModule, AuditModule],
  controllers: [SignoffsController],
  providers: [SignoffsService],
})
export class SignoffsModule {}
