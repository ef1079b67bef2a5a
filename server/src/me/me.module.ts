import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MeController } from './me.controller';
import { MeService } from './me.service';

/** The signed-in account (GET /me: its roles) and an apprentice's own check-ins, certificates and progress. */
@Module({ imports: [AuthModule], controllers: [MeController], providers: [MeService] })
export class MeModule {}
