import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/**
 * Response DTOs of collections, so that the OpenAPI document (and the app's generated types,
 * mini/src/services/api-types.ts) describe each list with its item type.
 */
const pages = new Map<Type<unknown>, Type<unknown>>();
const lists = new Map<Type<unknown>, Type<unknown>>();

/** `{ items, total, page, pageSize }` of `item` (docs/api.md "Lists"), named `<Item>Page`. */
export function PageOf<T>(
  item: Type<T>,
): Type<{ items: T[]; total: number; page: number; pageSize: number }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; total: number; page: number; pageSize: number }>;
  class Page {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty() total: number;
    @ApiProperty() page: number;
    @ApiProperty() pageSize: number;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name}Page` });
  pages.set(item, Page);
  return Page;
}

/** `{ items }` of `item`, for the short lists that are not paged, named `<Item>List`. */
export function ListOf<T>(item: Type<T>): Type<{ items: T[] }> {
  const known = lists.get(item);
  if (known) return known as Type<{ items: T[] }>;
  class List {
    @ApiProperty({ type: [item] }) items: T[];
  }
  Object.defineProperty(List, 'name', { value: `${item.name}List` });
  lists.set(item, List);
  return List;
}

/** A date as `YYYY-MM-DD`. */
export const DATE = { type: String, format: 'date', example: '2025-05-01' } as const;
/** A nullable `YYYY-MM-DD`. */
export const DATE_OR_NULL = { type: String, format: 'date', nullable: true } as const;
/** A nullable text. */
export const TEXT_OR_NULL = { type: String, nullable: true } as const;
/** A nullable number. */
export const NUMBER_OR_NULL = { type: Number, nullable: true } as const;
