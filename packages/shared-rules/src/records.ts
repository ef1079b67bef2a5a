/** Record ids used in explanations: the record's own `id`, or `collection[index]` when it has none. */
import type { Collection } from './types.js';

export function recordId(collection: Collection, index: number, id?: string | null): string {
  return typeof id === 'string' && id !== '' ? id : `${collection}[${index}]`;
}
