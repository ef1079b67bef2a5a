import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditModule } from '../audit/audit.module';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

/** Units (the employers that host studios) within a jurisdiction. */
@Module({
  imports: [AccessModule, AuditModule],
  controllers: [UnitsController],
  providers: [UnitsService],
})
export class OrgModule {}
