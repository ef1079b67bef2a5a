import type { ReactNode } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import { datePickerProps, EVENT_DATE, type DateRange } from '@/lib/date-picker';
import { todayISO } from '@/lib/format';

interface Base {
  label: string;
  error?: string;
  required?: boolean;
}

function Row({ label, error, required, children }: Base & { children: ReactNode }) {
  return (
    <View className="field">
      <View
        className="field__row"
        style={{
          display: 'flex',
          alignItems: 'center',
          padding: '14px 16px',
          minHeight: '52px',
          boxSizing: 'border-box',
          borderBottom: '1px solid #f0f1f5',
        }}
      >
        <Text style={{ width: '96px', fontSize: '15px', color: '#4e5969' }}>
          {required && <Text className="text-danger">* </Text>}
          {label}
        </Text>
        <View className="grow">{children}</View>
      </View>
      {error && <View className="field-error">{error}</View>}
    </View>
  );
}

export function TextField(
  p: Base & {
    value: string;
    onChange: (v: string) => void;
    placeholder?: string;
    type?: 'text' | 'number' | 'digit';
    testId?: string;
    maxLength?: number;
  },
) {
  return (
    <Row {...p}>
      <Input
        value={p.value}
        type={p.type ?? 'text'}
        // Taro's Input stops at 140 unless told: the field's own limit, or none (-1).
        maxlength={p.maxLength ?? -1}
        placeholder={p.placeholder ?? `请输入${p.label}`}
        onInput={(e) => p.onChange(e.detail.value)}
        data-testid={p.testId}
        style={{ fontSize: '15px', height: '24px' }}
      />
    </Row>
  );
}

export function SelectField(
  p: Base & {
    value: string;
    options: Array<{ value: string; text: string }>;
    onChange: (v: string) => void;
    testId?: string;
  },
) {
  const idx = Math.max(
    0,
    p.options.findIndex((o) => o.value === p.value),
  );
  return (
    <Row {...p}>
      <Picker
        mode="selector"
        range={p.options.map((o) => o.text)}
        value={idx}
        onChange={(e) => p.onChange(p.options[Number(e.detail.value)]?.value ?? p.value)}
      >
        <View
          data-testid={p.testId}
          style={{
            fontSize: '15px',
            color: p.value ? '#1d2129' : '#c9cdd4',
            display: 'flex',
            justifyContent: 'space-between',
          }}
        >
          <Text>{p.options.find((o) => o.value === p.value)?.text ?? `请选择${p.label}`}</Text>
          <Text className="text-disabled">›</Text>
        </View>
      </Picker>
    </Row>
  );
}

/** A date; `range` sets where it opens and how far back it reaches (BIRTH_DATE for 出生日期). */
export function DateField(
  p: Base & {
    value: string;
    onChange: (v: string) => void;
    testId?: string;
    allowEmpty?: boolean;
    range?: DateRange;
    allowFuture?: boolean;
  },
) {
  const picker = datePickerProps(p.value, p.range ?? EVENT_DATE, todayISO(), p.allowFuture ?? true);
  return (
    <Row {...p}>
      <View style={{ display: 'flex', alignItems: 'center' }}>
        <Picker
          mode="date"
          value={picker.value}
          start={picker.start}
          end={picker.end}
          onChange={(e) => p.onChange(String(e.detail.value))}
          style={{ flex: 1, minWidth: 0 }}
        >
          <View
            data-testid={p.testId}
            style={{
              fontSize: '15px',
              color: p.value ? '#1d2129' : '#c9cdd4',
              display: 'flex',
              justifyContent: 'space-between',
            }}
          >
            <Text>{p.value || (p.allowEmpty ? '未填写（点此选择）' : '请选择日期')}</Text>
            {!(p.allowEmpty && p.value) && <Text className="text-disabled">›</Text>}
          </View>
        </Picker>
        {p.allowEmpty && p.value && (
          // An optional date can be taken back (e.g. 离开日期 entered by mistake).
          <View
            onClick={() => p.onChange('')}
            data-testid={p.testId ? `${p.testId}-clear` : undefined}
            style={{
              padding: '10px 0 10px 16px',
              margin: '-10px 0',
              fontSize: '14px',
              color: '#2f6bff',
            }}
          >
            清除
          </View>
        )}
      </View>
    </Row>
  );
}
