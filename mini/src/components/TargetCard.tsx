import { Text, View } from '@tarojs/components';
import { dueText, formatDate, percent } from '@/lib/format';
import { label } from '@/lib/labels';
import type { ProgressTargetSummary } from '@/lib/facts';
import { Progress } from './ui';
import { PACE_COLORS } from '@/lib/status';

const COLORS: Record<string, string> = PACE_COLORS;

/** One target: a progress bar, the pace status (from shared-rules) and the period's end. */
export function TargetCard({ target, asOf, onClick }: { target: ProgressTargetSummary; asOf: string; onClick?: () => void }) {
  const pace = { status: target.met ? 'met' : target.status };
  const name = target.label ?? label('target', target.id);
  return (
    <View className='target' data-testid={`target-${target.id}`} onClick={onClick} style={{ padding: '14px 0' }}>
      <View className='row row--between'>
        <Text style={{ fontSize: '15px', fontWeight: 600 }}>{name}</Text>
        <Text className={`pill pill--${pace.status}`}>{label('pace', pace.status)}</Text>
      </View>
      <View className='row' style={{ marginTop: '8px' }}>
        <View className='grow'>
          <Progress percent={percent(target.actual, target.required)} color={COLORS[pace.status] ?? '#2f6bff'} background='#eef0f5' strokeWidth='8' />
        </View>
        <Text style={{ marginLeft: '10px', fontSize: '14px', fontWeight: 600, minWidth: '64px', textAlign: 'right' }} data-testid={`target-${target.id}-value`}>
          {target.actual}/{target.required}
        </Text>
      </View>
      <View className='row row--between' style={{ marginTop: '6px' }}>
        <Text className='muted'>{target.period ? `截至 ${formatDate(target.period.to)}（${dueText(target.period.to, asOf)}）` : '长期要求'}</Text>
        {onClick && <Text className='muted tap-link' data-testid='why-link'>为什么 ›</Text>}
      </View>
    </View>
  );
}
