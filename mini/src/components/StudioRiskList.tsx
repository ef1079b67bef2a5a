import { Text, View } from '@tarojs/components';
import type { DashboardItem } from '@/services/studio-api';
import { percent } from '@/lib/format';
import { label } from '@/lib/labels';
import { overallPace, PACE_COLORS } from '@/lib/status';

const COLORS: Record<string, string> = PACE_COLORS;

/** Studios as cards, most at risk first (the server's order), each target a thin bar. */
export function StudioRiskList({ items, onOpen }: { items: DashboardItem[]; onOpen: (id: number) => void }) {
  return (
    <View>
      {items.map((it) => {
        const worst = overallPace(it.targets.map((t) => t.status));
        return (
          <View key={it.studio.id} className='card' data-testid='studio-card' onClick={() => onOpen(it.studio.id)}>
            <View className='row row--between'>
              <Text className='grow' style={{ fontSize: '16px', fontWeight: 600 }}>{it.studio.name}</Text>
              {worst && <Text className={`pill pill--${worst}`}>{label('pace', worst)}</Text>}
            </View>
            <Text className='muted' style={{ display: 'block', margin: '4px 0 8px' }}>
              {it.studio.unitName ?? ''}
              {it.studio.status ? ` · ${label('studioStatus', it.studio.status)}` : ''}
            </Text>
            {it.targets.length === 0 && <Text className='muted'>本政策没有可统计的目标</Text>}
            {it.targets.map((t) => (
              <View key={t.id} className='row' style={{ padding: '4px 0' }} data-testid={`dash-${t.id}`}>
                <Text style={{ width: '112px', fontSize: '13px', color: '#4e5969' }}>{label('target', t.id)}</Text>
                <View className='grow' style={{ height: '6px', background: '#eef0f5', borderRadius: '3px', overflow: 'hidden' }}>
                  <View style={{ width: `${percent(t.actual, t.required)}%`, height: '6px', background: COLORS[t.status] ?? '#2f6bff', borderRadius: '3px' }} />
                </View>
                <Text data-testid={`dash-${t.id}-value`} style={{ width: '72px', textAlign: 'right', fontSize: '13px', fontWeight: 600 }}>{t.actual}/{t.required}</Text>
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}
