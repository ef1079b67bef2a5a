import { Text, View } from '@tarojs/components';
import { percent } from '@/lib/format';
import { label } from '@/lib/labels';
import type { ProgressTargetSummary } from '@/lib/facts';
import { Progress } from './ui';
import { PACE_COLORS, targetStatus } from '@/lib/status';
import { PALETTE } from '@/lib/palette';

const COLORS: Record<string, string> = PACE_COLORS;

/** One target: a progress bar, the pace status (from shared-rules) and the period's end. */
export function TargetCard({
  target,
  asOf,
  onClick,
}: {
  target: ProgressTargetSummary;
  asOf: string;
  onClick?: () => void;
}) {
  const pace = targetStatus(target, asOf);
  const name = target.label ?? label('target', target.id);
  return (
    <View className="target p-14-0" data-testid={`target-${target.id}`} onClick={onClick}>
      <View className="row row--between">
        <Text className="fs-15 fw-600">{name}</Text>
        <Text className={`pill pill--${pace.status}`} data-testid={`target-${target.id}-status`}>
          {pace.text}
        </Text>
      </View>
      <View className="row mt-8">
        <View className="grow">
          <Progress
            percent={percent(target.actual, target.required)}
            color={COLORS[pace.status] ?? PALETTE.primary}
            background={PALETTE.track}
            strokeWidth="8"
          />
        </View>
        <Text className="target__value" data-testid={`target-${target.id}-value`}>
          {target.actual}/{target.required}
        </Text>
      </View>
      <View className="row row--between mt-6">
        <Text className="muted">{pace.due}</Text>
        {onClick && (
          <Text className="muted tap-link" data-testid="why-link">
            为什么 ›
          </Text>
        )}
      </View>
    </View>
  );
}
