import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { deadlineLines, deadlineLink, type DeadlineRole } from '@/lib/deadline-actions';
import { label } from '@/lib/labels';

/**
 * A studio's deadlines as rows (issue 11 item 8): overdue ones in red, then the next ones; each
 * row opens where the person holding the phone acts on it (lib/deadline-actions).
 */
export function DeadlineList({
  deadlines,
  asOf,
  role,
  studioId,
  upcoming = 2,
  withDone = false,
  here,
}: {
  deadlines: {
    id: string;
    label?: string | null;
    dueOn: string;
    done?: boolean;
    overdue?: boolean;
  }[];
  asOf: string;
  role: DeadlineRole;
  studioId: number;
  upcoming?: number;
  withDone?: boolean;
  /** The page showing the list: a row whose action is this page only says what is due. */
  here?: string;
}) {
  const lines = deadlineLines(deadlines, asOf, {
    upcoming,
    withDone,
    labelOf: (id) => label('deadline', id),
  });
  if (lines.length === 0) return null;
  return (
    <View data-testid="deadlines">
      {lines.map((l) => {
        const link = deadlineLink(role, studioId, l.id);
        const opens = !l.done && !(here && link.url.startsWith(here));
        return (
          <View
            key={`${l.id}:${l.dueOn}`}
            className="deadline-row"
            data-testid={`deadline-${l.id}`}
            data-overdue={l.overdue ? 'yes' : 'no'}
            onClick={(e) => {
              e.stopPropagation();
              if (opens) void Taro.navigateTo({ url: link.url });
            }}
          >
            <View className="grow">
              <Text className="fs-14 block">{l.title}</Text>
              <Text className={`fs-12 block ${l.overdue ? 'text-danger' : 'muted'}`}>{l.due}</Text>
            </View>
            {l.done ? (
              <Text className="pill pill--met">已完成</Text>
            ) : !opens ? (
              <Text className={`pill ${l.overdue ? 'pill--danger' : 'pill--warn'}`}>
                {l.overdue ? '已逾期' : '待完成'}
              </Text>
            ) : (
              <Text className={`pill ${l.overdue ? 'pill--danger' : 'pill--warn'}`}>
                {link.action} ›
              </Text>
            )}
          </View>
        );
      })}
    </View>
  );
}
