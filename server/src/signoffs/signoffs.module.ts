import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { SignoffsController } from './signoffs.controller';
import { SignoffsService } from './signoffs.service';

@Module({
  imports: [AccessModule],
  controllers: [SignoffsController],
  providers: [SignoffsService],
})
export class SignoffsModule {}
