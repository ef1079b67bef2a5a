import { type PipeTransform, Injectable } from '@nestjs/common';
import { validationFailed } from './domain-error';

/** Path ids are positive integers; anything else is a 400 naming the parameter. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  constructor(private readonly name = 'id') {}
  transform(value: string): number {
    if (!/^\d{1,10}$/.test(value) || Number(value) < 1)
      throw validationFailed({ [this.name]: '编号必须是正整数' });
    return Number(value);
  }
}
export const StudioId = new IdPipe('studioId');
export const RecordId = new IdPipe('id');
