import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { onboardingApi, type UnitRow } from '@/services/onboarding-api';
import { ListFooter, SearchBox } from '@/components/ListTools';
import { StateView } from '@/components/StateView';
import { usePagedList } from '@/components/usePagedList';
import './unit-picker.css';

/**
 * 所在单位 on the new-studio form: the jurisdiction's units a page at a time with a name search
 * (issue 11 item 2), not one long wheel of every unit, and 「＋ 新建单位」. Tapping the row opens
 * the list; picking a unit closes it. The first page also tells the jurisdiction's policy.
 */
export function UnitPicker(props: {
  jurisdictionId: number;
  /** An existing unit's id, 'new', or '' (none picked). */
  value: string;
  /** The picked unit's name, shown on the row. */
  name: string;
  error?: string;
  onChange: (value: string, name: string) => void;
  onPolicy: (policyId: string) => void;
}) {
  const { jurisdictionId, value, name, error, onChange, onPolicy } = props;
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const list = usePagedList<UnitRow>(
    (page, pageSize) =>
      onboardingApi.units(jurisdictionId, page, pageSize, q).then((p) => {
        const policyId = p.items[0]?.jurisdiction.policyId;
        if (policyId) onPolicy(policyId);
        return p;
      }),
    [jurisdictionId, q],
    undefined,
    open,
  );
  const pick = (v: string, n: string) => {
    onChange(v, n);
    setOpen(false);
  };
  const shown = value === 'new' ? '＋ 新建单位' : value ? name : '';

  return (
    <View className="field" data-testid="ns-unit-field">
      <View className="unit-picker__row" data-testid="ns-unit" onClick={() => setOpen(!open)}>
        <Text className="unit-picker__label">
          <Text className="text-danger">* </Text>所在单位
        </Text>
        <Text className={`grow unit-picker__value ${shown ? '' : 'unit-picker__value--empty'}`}>
          {shown || '请选择所在单位'}
        </Text>
        <Text className="text-disabled">{open ? '收起' : '›'}</Text>
      </View>
      {error && <View className="field-error">{error}</View>}
      {open && (
        <View className="unit-picker__panel" data-testid="unit-picker">
          <SearchBox placeholder="按单位名称搜索" onSearch={setQ} />
          <StateView
            state={list}
            rows={3}
            isEmpty={(d) => d.items.length === 0}
            emptyText={q ? `没有名称含「${q}」的单位` : '本辖区还没有单位'}
          >
            {(d) => (
              <View className="unit-picker__list">
                {d.items.map((u) => (
                  <View
                    key={u.id}
                    className={`list-item ${String(u.id) === value ? 'unit-option--on' : ''}`}
                    data-testid="unit-option"
                    onClick={() => pick(String(u.id), u.name)}
                  >
                    <Text className="grow list-item__title">{u.name}</Text>
                    <Text className="muted">{u.studioCount} 个工作室</Text>
                  </View>
                ))}
                <ListFooter list={list} />
              </View>
            )}
          </StateView>
          <View
            className="list-item unit-option--new"
            data-testid="unit-option-new"
            onClick={() => pick('new', '')}
          >
            ＋ 新建单位
          </View>
        </View>
      )}
    </View>
  );
}
