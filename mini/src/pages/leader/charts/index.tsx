import { useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { studioApi } from '@/services/studio-api';
import { personTimesByMonth, targetHistory } from '@/lib/charts';
import { todayISO } from '@/lib/format';
import { label } from '@/lib/labels';
import { evaluateOnDevice } from '@/lib/rules';
import type { Facts } from '@/lib/facts';
import { F2Chart } from '@/components/F2Chart';
import { StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';
import { PALETTE } from '@/lib/palette';
import './index.css';

function Charts({ facts, asOf }: { facts: Facts; asOf: string }) {
  const year = asOf.slice(0, 4);
  const monthly = personTimesByMonth(facts.activities, `${year}-01-01`, asOf);
  const progress = useMemo(() => evaluateOnDevice(facts, asOf), [facts, asOf]);
  const targets = useMemo(() => progress.targets.filter((t) => t.period), [progress]);
  const [picked, setPicked] = useState(targets[0]?.id ?? '');
  const history = useMemo(
    () => (picked ? targetHistory((d) => evaluateOnDevice(facts, d), picked, asOf, progress) : []),
    [facts, asOf, picked, progress],
  );
  const lineData = history.flatMap((h) => [
    { x: h.month.slice(2).replace('-', '/'), y: h.actual, series: '实际' },
    { x: h.month.slice(2).replace('-', '/'), y: h.required, series: '要求' },
  ]);
  return (
    <View>
      <View className="card">
        <Text className="fs-16 fw-600">{year} 年每月培训人次</Text>
        <Text className="muted block m-4-0-8">
          合计 {monthly.reduce((s, m) => s + m.value, 0)} 人次
        </Text>
        <F2Chart
          id="chart-person-times"
          kind="bar"
          data={monthly.map((m) => ({ x: `${Number(m.month.slice(5))}月`, y: m.value }))}
        />
      </View>
      <View className="card">
        <Text className="fs-16 fw-600">目标进度走势</Text>
        <View className="row wrap m-8-0">
          {targets.map((t) => (
            <Text
              key={t.id}
              className={`pill chart-pick ${t.id === picked ? 'pill--on_track' : 'pill--upcoming'}`}
              onClick={() => setPicked(t.id)}
            >
              {label('target', t.id)}
            </Text>
          ))}
        </View>
        {history.length === 0 ? (
          <Text className="muted">本政策没有按周期统计的目标</Text>
        ) : (
          <F2Chart
            id="chart-target-history"
            kind="line"
            data={lineData}
            color={[PALETTE.primary, PALETTE.disabled]}
          />
        )}
      </View>
    </View>
  );
}

/** Charts for people who would rather look than read. */
export default function ChartsPage() {
  const { studioId } = useRouter().params;
  const asOf = todayISO();
  const facts = useAsync(() => studioApi.facts(Number(studioId), asOf), [studioId, asOf]);
  return (
    <View className="page pt-12" data-testid="charts">
      <StateView state={facts} rows={8}>
        {(f) => <Charts facts={f} asOf={asOf} />}
      </StateView>
    </View>
  );
}
