import { Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** The one access check (access-policy.ts) every studio, unit and jurisdiction route passes. */
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
