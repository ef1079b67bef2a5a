import { useEffect, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { footerText } from '@/lib/paging';
import type { PagedList } from './usePagedList';

/** The footer under a paged list: tap (or scroll) for more, or 已全部加载. */
export function ListFooter<T>({ list }: { list: PagedList<T> }) {
  if (!list.data || list.items.length === 0) return null;
  const tappable = list.footer === 'more' || list.footer === 'error';
  return (
    <View
      className={`list-footer ${tappable ? 'list-footer--more' : ''}`}
      data-testid="list-footer"
      data-state={list.footer}
      onClick={tappable ? list.loadMore : undefined}
    >
      <Text>{footerText(list.footer, list.items.length, list.total)}</Text>
    </View>
  );
}

/** A keyword box; `onSearch` gets the keyword after the typing pauses, or on 搜索. */
export function SearchBox({
  placeholder,
  onSearch,
}: {
  placeholder: string;
  onSearch: (q: string) => void;
}) {
  const [value, setValue] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <View className="list-search">
      <Text className="muted list-search__label">搜索</Text>
      <Input
        className="list-search__input"
        value={value}
        placeholder={placeholder}
        confirmType="search"
        maxlength={50}
        data-testid="list-search"
        onInput={(e) => {
          const v = e.detail.value;
          setValue(v);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => onSearch(v.trim()), 400);
        }}
        onConfirm={(e) => {
          clearTimeout(timer.current);
          onSearch(e.detail.value.trim());
        }}
      />
    </View>
  );
}

/** One row of filter chips; the first option (value '') means no filter. */
export function FilterChips({
  name,
  options,
  value,
  onChange,
}: {
  name: string;
  options: { value: string; text: string }[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <View className="chips" data-testid={`filter-${name}`}>
      {options.map((o) => (
        <View
          key={o.value || 'all'}
          className={`chip ${o.value === value ? 'chip--on' : ''}`}
          data-testid={`filter-${name}-${o.value || 'all'}`}
          onClick={() => onChange(o.value)}
        >
          <Text className="chip__text">{o.text}</Text>
        </View>
      ))}
    </View>
  );
}
