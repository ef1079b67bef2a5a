import type { ReactNode } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import { datePickerProps, EVENT_DATE, type DateRange } from '@/lib/date-picker';
import { todayISO } from '@/lib/format';
import './Field.css';

interface Base {
  label: string;
  error?: string;
  required?: boolean;
}

function Row({ label, error, required, children }: Base & { children: ReactNode }) {
  return (
    <View className="field">
      <View className="field__row">
        <Text className="field__label">
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
        className="field__input"
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
          className={p.value ? 'field__value' : 'field__value field__value--empty'}
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
      <View className="row">
        <Picker
          mode="date"
          value={picker.value}
          start={picker.start}
          end={picker.end}
          onChange={(e) => p.onChange(String(e.detail.value))}
          className="grow"
        >
          <View
            data-testid={p.testId}
            className={p.value ? 'field__value' : 'field__value field__value--empty'}
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
            className="field__clear"
          >
            清除
          </View>
        )}
      </View>
    </Row>
  );
}
