import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The `q` of a list (issue 11 item 2): a keyword, matched as a substring. */
export function Keyword(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, maxLength: 50 }),
    IsOptional(),
    IsString({ message: '搜索词必须是文字' }),
    MaxLength(50, { message: '搜索词不能超过 50 字' }),
  );
}

/**
 * `%q%` for LIKE. A `%` or `_` typed in the keyword stays a wildcard (it only widens the match):
 * an ESCAPE clause is spelt differently in MySQL and SQLite.
 */
export function likeOf(q: string): string {
  return `%${q}%`;
}
