import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  rows,
  studioApi,
  type ActivityRow,
  type AchievementRow,
  type ApprenticeRow,
  type DocumentRow,
  type FundRow,
  type Page,
  type RecordType,
} from '@/services/studio-api';
import { kindOfPath } from '@master-studio/shared-rules';
import { formatDate, formatMoney, todayISO } from '@/lib/format';
import { signoffState } from '@/lib/signoff';
import { label } from '@/lib/labels';
import { RECORDS } from '@/lib/records';
import { currentRole } from '@/services/session';
import { confirmAndDelete } from '@/services/record-actions';
import { OutboxBar, useOutbox } from '@/components/OutboxBar';
import { RecordsExport } from '@/components/ExportButton';
import { StateView } from '@/components/StateView';
import { useAsync } from '@/components/useAsync';
import { Button } from '@/components/ui';
import { RowActions } from '@/components/RowActions';
import { filesByRecord, RecordThumbs } from '@/components/RecordThumbs';
import { evidenceApi } from '@/services/evidence';

type AnyRow = Record<string, unknown> & { id: number };

/** The leader's 邀请 action on a roster or team row (does not open the row). */
function InviteButton({ onInvite }: { onInvite?: () => void }) {
  if (!onInvite) return null;
  return (
    <View className="ml-16" onClick={(e) => e.stopPropagation()}>
      <Button
        size="small"
        type="primary"
        fill="outline"
        className="tap-target"
        onClick={onInvite}
        data-testid="row-invite"
      >
        邀请
      </Button>
    </View>
  );
}

function Row({
  type,
  r,
  onOpen,
  onInvite,
}: {
  type: RecordType;
  r: AnyRow;
  onOpen?: () => void;
  onInvite?: () => void;
}) {
  switch (type) {
    case 'activities': {
      const a = r as ActivityRow;
      return (
        <View className="list-item" onClick={onOpen} data-testid="activity-row">
          <View className="grow">
            <Text className="list-item__title">{a.title}</Text>
            <Text className="list-item__meta block">
              {label('activityKind', a.kind)} · {formatDate(a.date)}
              {a.location ? ` · ${a.location}` : ''}
            </Text>
          </View>
          <View className="text-right">
            <Text className="fs-18 fw-700 text-primary block">{a.attendance ?? 0}</Text>
            <Text className="muted">人次 ›</Text>
          </View>
        </View>
      );
    }
    case 'achievements': {
      const a = r as AchievementRow;
      return (
        <View className="list-item">
          <View className="grow">
            <Text className="list-item__title">{a.title}</Text>
            <Text className="list-item__meta block">
              {label('achievementKind', a.kind)} · {formatDate(a.date)}
            </Text>
          </View>
          <Text className="pill pill--on_track">{label('recordLevel', a.level)}</Text>
        </View>
      );
    }
    case 'apprentices': {
      const a = r as ApprenticeRow;
      return (
        <View className="list-item" onClick={onOpen} data-testid="apprentice-row">
          <View
            className="login__avatar"
            style={{
              width: '40px',
              height: '40px',
              borderRadius: '20px',
              background: '#e8f7ee',
              color: '#12a150',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              marginRight: '12px',
              fontWeight: 700,
            }}
          >
            {a.name.slice(0, 1)}
          </View>
          <View className="grow">
            <Text className="list-item__title">{a.name}</Text>
            <Text className="list-item__meta block">
              {/* Each date stays on one line: a narrow phone wraps between them, never inside one. */}
              <Text className="nowrap">拜师 {formatDate(a.joinedOn)}</Text> ·{' '}
              <Text className="nowrap">
                {a.agreementSignedOn ? `协议 ${formatDate(a.agreementSignedOn)}` : '未签协议'}
              </Text>
            </Text>
          </View>
          {a.leftOn ? (
            <Text className="pill pill--upcoming">已出师</Text>
          ) : (
            <Text className="muted">证书 ›</Text>
          )}
          {!a.leftOn && <InviteButton onInvite={onInvite} />}
        </View>
      );
    }
    case 'funds': {
      const f = r as FundRow;
      const income = f.direction === 'income';
      return (
        <View className="list-item">
          <View className="grow">
            <Text className="list-item__title">{f.category}</Text>
            <Text className="list-item__meta block">
              {formatDate(f.date)}
              {income && f.source ? ` · ${label('fundSource', f.source)}` : ''}
              {f.note ? ` · ${f.note}` : ''}
            </Text>
          </View>
          <Text className={`fs-16 fw-700 ${income ? 'text-success' : 'text-text'}`}>
            {income ? '+' : '-'}
            {formatMoney(f.amount)}
          </Text>
        </View>
      );
    }
    case 'documents': {
      const d = r as DocumentRow;
      return (
        <View className="list-item">
          <View className="grow">
            <Text className="list-item__title">
              {d.title || `${d.year} 年${label('documentKind', d.kind)}`}
            </Text>
            <Text className="list-item__meta block">
              {label('documentKind', d.kind)} · {d.year} 年度 · 提交于 {formatDate(d.submittedOn)}
            </Text>
          </View>
          <Text className="pill pill--met">已提交</Text>
        </View>
      );
    }
    default:
      return (
        <View className="list-item">
          <View className="grow">
            <Text className="list-item__title">{String(r.name ?? r.title ?? r.id)}</Text>
            <Text className="list-item__meta block">
              {r.skillLevel ? label('skillLevel', String(r.skillLevel)) : ''}
              {r.fullTime === false ? ' · 兼职' : r.fullTime ? ' · 专职' : ''}
            </Text>
          </View>
          {type === 'members' && !r.leftOn && <InviteButton onInvite={onInvite} />}
        </View>
      );
  }
}

function FundSummary({ items }: { items: FundRow[] }) {
  const income = items.filter((f) => f.direction === 'income').reduce((s, f) => s + f.amount, 0);
  const spending = items
    .filter((f) => f.direction === 'spending')
    .reduce((s, f) => s + f.amount, 0);
  return (
    <View className="card row" style={{ justifyContent: 'space-around', textAlign: 'center' }}>
      <View>
        <Text className="muted block">收入</Text>
        <Text className="fs-18 fw-700 text-success">{formatMoney(income)}</Text>
      </View>
      <View>
        <Text className="muted block">支出</Text>
        <Text className="fs-18 fw-700">{formatMoney(spending)}</Text>
      </View>
      <View>
        <Text className="muted block">结余</Text>
        <Text className="fs-18 fw-700 text-primary">{formatMoney(income - spending)}</Text>
      </View>
    </View>
  );
}

/** One list screen for each kind of studio record, with "add" at the bottom. */
export default function Records() {
  const { studioId, type = 'activities' } = useRouter().params as {
    studioId: string;
    type: RecordType;
  };
  const def = RECORDS[type];
  const kind = kindOfPath(type) ?? 'activity';
  const asOf = todayISO();
  // One screen for every kind: rows are rendered by `type`, each case reading its own view.
  const list = useAsync(
    async (): Promise<Page<AnyRow>> => studioApi.records(Number(studioId), type),
    [studioId, type],
  );
  // The kind's evidence files, for thumbnails on the rows (the list stands without them).
  const evidence = useAsync(
    () => evidenceApi.list(Number(studioId), { subject: kind }),
    [studioId, kind],
  );
  const thumbs = filesByRecord(evidence.data?.items);
  const base = `/studios/${studioId}/${type}`;
  const queued = useOutbox().filter((c) => c.path === base || c.path.startsWith(`${base}/`));
  const pending = queued.filter((c) => c.path === base);
  // Edits and deletes waiting on the device, by record id.
  const pendingById = new Map(
    queued
      .filter((c) => c.path !== base && (c.method === 'PATCH' || c.method === 'DELETE'))
      .map((c) => [c.path.slice(base.length + 1), c.method as 'PATCH' | 'DELETE']),
  );
  Taro.setNavigationBarTitle({ title: def.title });

  const open = (r: AnyRow) => {
    if (type === 'activities')
      void Taro.navigateTo({
        url: `/pages/leader/checkin/index?studioId=${studioId}&activityId=${r.id}&title=${encodeURIComponent(String(r.title ?? ''))}`,
      });
    if (type === 'apprentices')
      void Taro.navigateTo({
        url: `/pages/leader/apprentice/index?studioId=${studioId}&apprenticeId=${r.id}&name=${encodeURIComponent(String(r.name ?? ''))}`,
      });
  };
  // Only the leader invites people onto their records (docs/api.md "Onboarding").
  const canInvite =
    currentRole()?.role === 'leader' && (type === 'apprentices' || type === 'members');
  const invite = (r: AnyRow) =>
    void Taro.navigateTo({
      url: `/pages/leader/invite/index?studioId=${studioId}&role=${type === 'members' ? 'member' : 'apprentice'}&id=${r.id}&name=${encodeURIComponent(String(r.name ?? ''))}`,
    });
  const edit = (r: AnyRow) =>
    void Taro.navigateTo({
      url: `/pages/leader/record-edit/index?studioId=${studioId}&type=${type}&id=${r.id}`,
    });
  const remove = async (r: AnyRow) => {
    if (await confirmAndDelete(Number(studioId), type, r)) list.reload();
  };
  const items = rows(list.data);
  const sorted = [...items].sort((a, b) =>
    String(b.date ?? b.joinedOn ?? b.submittedOn ?? '').localeCompare(
      String(a.date ?? a.joinedOn ?? a.submittedOn ?? ''),
    ),
  );

  return (
    <View className="page pt-12" data-testid={`records-${type}`}>
      <OutboxBar />
      {pending.length > 0 && (
        <View className="list-card">
          {pending.map((c) => (
            <View key={c.id} className="list-item">
              <Text className="grow list-item__title">{c.label}</Text>
              <Text className="pill pill--pending">等待发送</Text>
            </View>
          ))}
        </View>
      )}
      {type === 'funds' && list.data && <FundSummary items={items as unknown as FundRow[]} />}
      <View className="m-0-12-8">
        <RecordsExport type={type} studioId={Number(studioId)} />
      </View>
      <StateView
        state={list}
        isEmpty={(d) => rows(d).length === 0}
        emptyText={`还没有${def.noun}记录`}
      >
        {() => (
          <View className="list-card">
            {sorted.map((r) => (
              <View key={r.id} className="record-row" data-testid="record-row">
                <Row
                  type={type}
                  r={r}
                  onOpen={() => open(r)}
                  onInvite={canInvite ? () => invite(r) : undefined}
                />
                <RecordThumbs files={thumbs.get(String(r.id))} />
                <RowActions
                  onEdit={() => edit(r)}
                  onDelete={() => void remove(r)}
                  pending={pendingById.get(String(r.id))}
                  signoff={signoffState(kind, r, asOf)}
                />
              </View>
            ))}
          </View>
        )}
      </StateView>
      <View className="bottom-bar">
        <Button
          type="primary"
          size="large"
          data-testid="add-record"
          onClick={() =>
            void Taro.navigateTo({
              url: `/pages/leader/record-edit/index?studioId=${studioId}&type=${type}`,
            })
          }
        >
          新增{def.noun}
        </Button>
      </View>
    </View>
  );
}
