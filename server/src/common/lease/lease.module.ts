import { Module } from '@nestjs/common';
import { DbLease } from './db-lease';

/** The one database lease of scheduled work (DbLease), for the features that schedule any. */
@Module({ providers: [DbLease], exports: [DbLease] })
export class LeaseModule {}
