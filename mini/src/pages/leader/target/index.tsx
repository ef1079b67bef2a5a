import { citeZh } from '@master-studio/shared-rules';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { studioApi } from '@/services/studio-api';
import { todayISO } from '@/lib/format';
import { explainTarget } from '@/lib/explain';
import { SectionTitle, StateView } from '@/components/StateView';
import { TargetCard } from '@/components/TargetCard';
import { useAsync } from '@/components/useAsync';

/** Why a target stands where it does: what counted, what did not and why. */
export default function TargetWhy() {
  const { studioId, targetId } = useRouter().params;
  const asOf = todayISO();
  // Only this target's record lists (explain=<targetId>); facts name the records behind it
  // (whose certificate, which level).
  const progress = useAsync(
    () =>
      Promise.all([
        studioApi.progress(Number(studioId), asOf, targetId),
        studioApi.facts(Number(studioId), asOf).catch(() => undefined),
      ]).then(([p, facts]) => ({ ...p, facts })),
    [studioId, asOf],
  );
  return (
    <View className="page pt-12" data-testid="target-why">
      <StateView
        state={progress}
        isEmpty={(p) => !p.targets.some((t) => t.id === targetId)}
        emptyText="没有找到这个目标"
      >
        {(p) => {
          const t = p.targets.find((x) => x.id === targetId)!;
          const ex = explainTarget(t, p.facts);
          return (
            <View>
              <View className="card">
                <TargetCard target={t} asOf={asOf} />
                {ex.summary && (
                  <Text className="block mt-12 fs-14 lh-1-6 text-secondary">{ex.summary}</Text>
                )}
                {ex.article && <Text className="muted block mt-8">依据：{ex.article}</Text>}
              </View>
              <SectionTitle title={`已计入（${ex.counted.length}）`} />
              <View className="list-card" data-testid="counted">
                {ex.counted.length === 0 && <View className="list-item muted">暂无计入的记录</View>}
                {ex.counted.map((c, i) => (
                  <View key={`${c.title}-${i}`} className="list-item" data-testid="counted-row">
                    <View className="grow">
                      <Text className="fs-14 block">{c.title}</Text>
                      {c.detail && <Text className="muted block mt-4">{c.detail}</Text>}
                    </View>
                    {c.value !== undefined && <Text className="pill pill--met">+{c.value}</Text>}
                  </View>
                ))}
              </View>
              <SectionTitle title={`未计入（${ex.excluded.length}）`} />
              <View className="list-card" data-testid="excluded">
                {ex.excluded.length === 0 && (
                  <View className="list-item muted">没有被排除的记录</View>
                )}
                {ex.excluded.map((c, i) => (
                  <View key={`${c.title}-${i}`} className="list-item" data-testid="excluded-row">
                    <View className="grow">
                      <Text className="fs-14 block">{c.title}</Text>
                      {c.detail && <Text className="muted block mt-4">{c.detail}</Text>}
                      {c.reason && (
                        <Text className="block mt-4 fs-12 text-at-risk">{citeZh(c.reason)}</Text>
                      )}
                    </View>
                  </View>
                ))}
              </View>
            </View>
          );
        }}
      </StateView>
    </View>
  );
}
