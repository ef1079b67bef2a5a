import { Module } from '@nestjs/common';
import { MeController } from './me.controller';
import { MeService } from './me.service';

/** An apprentice's own check-ins, certificates and progress. */
@Module({ controllers: [MeController], providers: [MeService] })
export class MeModule {}
