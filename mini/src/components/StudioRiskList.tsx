import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { DashboardItem } from '@/services/studio-api';
import { percent } from '@/lib/format';
import { label } from '@/lib/labels';
import { studioBadge, targetStatus } from '@/lib/status';
import './StudioRiskList.css';

/**
 * Studios as cards, most at risk first (the server's order), each target a thin bar with its own
 * status and deadline in the words of the leader's TargetCard (lib/status targetStatus).
 */
export function StudioRiskList({
  items,
  asOf,
  onOpen,
  below,
}: {
  items: DashboardItem[];
  asOf: string;
  onOpen: (id: number) => void;
  /** Under each card's targets (the studio's deadlines). */
  below?: (it: DashboardItem) => ReactNode;
}) {
  return (
    <View>
      {items.map((it) => {
        const badge = studioBadge(it.targets.map((t) => (t.met ? 'met' : t.status)));
        return (
          <View
            key={it.studio.id}
            className="card"
            data-testid="studio-card"
            onClick={() => onOpen(it.studio.id)}
          >
            <View className="row row--between">
              <Text className="grow fs-16 fw-600">{it.studio.name}</Text>
              {badge && (
                <Text className={`pill pill--${badge.status}`} data-testid="studio-badge">
                  {badge.text}
                </Text>
              )}
            </View>
            <Text className="muted block m-4-0-8">
              {it.studio.unitName ?? ''}
              {it.studio.status ? ` · ${label('studioStatus', it.studio.status)}` : ''}
            </Text>
            {it.targets.length === 0 && <Text className="muted">本政策没有可统计的目标</Text>}
            {it.targets.map((t) => {
              const st = targetStatus(t, asOf);
              return (
                <View className="p-4-0" key={t.id} data-testid={`dash-${t.id}`}>
                  <View className="row">
                    <Text className="risk__name">{label('target', t.id)}</Text>
                    <View className="grow risk__track">
                      <View
                        className={`risk__fill pace-fill--${st.status}`}
                        // Dynamic: the bar's length is the target's share done.
                        style={{ width: `${percent(t.actual, t.required)}%` }}
                      />
                    </View>
                    <Text className="risk__value" data-testid={`dash-${t.id}-value`}>
                      {t.actual}/{t.required}
                    </Text>
                  </View>
                  <Text className="muted block fs-12 pl-112" data-testid={`dash-${t.id}-status`}>
                    <Text className={`pace-text--${st.status}`}>{st.text}</Text> · {st.due}
                  </Text>
                </View>
              );
            })}
            {below?.(it)}
          </View>
        );
      })}
    </View>
  );
}
