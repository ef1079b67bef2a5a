import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Fragment, useState } from 'react';
import { studioApi, type FundRow, type RecordType } from '@/services/studio-api';
import { kindOfPath } from '@master-studio/shared-rules';
import { formatMoney, todayISO } from '@/lib/format';
import { signoffState } from '@/lib/signoff';
import { RECORDS } from '@/lib/records';
import { RECORD_ROWS, type AnyRow, type RowView } from '@/lib/record-rows';
import { currentRole } from '@/services/session';
import { confirmAndDelete } from '@/services/record-actions';
import { OutboxBar, useOutbox } from '@/components/OutboxBar';
import { RecordsExport } from '@/components/ExportButton';
import { StateView } from '@/components/StateView';
import { usePagedList } from '@/components/usePagedList';
import { ListFooter, SearchBox } from '@/components/ListTools';
import { cleanQuery } from '@/lib/paging';
import { Button } from '@/components/ui';
import { RowActions } from '@/components/RowActions';
import './index.css';
import { ImportLink } from './ImportLink';
import { filesByRecord, RecordThumbs } from '@/components/RecordThumbs';
import { evidenceApi } from '@/services/evidence';
import { useAsync } from '@/components/useAsync';

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

/** One row of any kind, from its registry formatter (lib/record-rows.ts). */
function Row({
  view,
  onOpen,
  onInvite,
}: {
  view: RowView;
  onOpen?: () => void;
  onInvite?: () => void;
}) {
  const { title, meta, avatar, aside, invitable, testId } = view;
  return (
    <View className="list-item" onClick={onOpen} data-testid={testId}>
      {avatar !== undefined && <View className="record-avatar">{avatar}</View>}
      <View className="grow">
        <Text className="list-item__title">{title}</Text>
        <Text className="list-item__meta block">
          {typeof meta === 'string'
            ? meta
            : meta.map((part, i) => (
                <Fragment key={i}>
                  {i > 0 && ' · '}
                  <Text className="nowrap">{part}</Text>
                </Fragment>
              ))}
        </Text>
      </View>
      {aside &&
        (aside.sub ? (
          <View className="text-right">
            <Text className={aside.className}>{aside.text}</Text>
            <Text className="muted">{aside.sub}</Text>
          </View>
        ) : (
          <Text className={aside.className}>{aside.text}</Text>
        ))}
      {invitable && <InviteButton onInvite={onInvite} />}
    </View>
  );
}

/** Sums of the rows loaded; while more pages remain it says so (a partial sum is not the ledger's). */
function FundSummary({ items, partial }: { items: FundRow[]; partial: boolean }) {
  const income = items.filter((f) => f.direction === 'income').reduce((s, f) => s + f.amount, 0);
  const spending = items
    .filter((f) => f.direction === 'spending')
    .reduce((s, f) => s + f.amount, 0);
  return (
    <View className="card row fund-summary">
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
      {partial && (
        <Text className="muted block fs-12" data-testid="fund-partial">
          以上为已加载的 {items.length} 条，滑到底加载全部
        </Text>
      )}
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
  // One screen for every kind: each row is its kind's formatter in lib/record-rows.ts.
  // A page at a time, with the server's keyword search (issue 11 item 2).
  const [q, setQ] = useState('');
  const list = usePagedList<AnyRow>(
    async (page, pageSize) =>
      (await studioApi.records(Number(studioId), type, cleanQuery({ q, page, pageSize }))) as {
        items: AnyRow[];
        total: number;
      },
    [studioId, type, q],
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

  const rowDef = RECORD_ROWS[type];
  const open = (r: AnyRow) => {
    if (rowDef.open) void Taro.navigateTo({ url: rowDef.open(studioId, r) });
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
  const items = list.items;
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
      {type === 'funds' && list.data && (
        <FundSummary items={items as unknown as FundRow[]} partial={list.footer !== 'done'} />
      )}
      <SearchBox placeholder={`搜索${def.noun}`} onSearch={setQ} />
      <View className="m-0-12-8">
        <RecordsExport type={type} studioId={Number(studioId)} />
        <ImportLink type={type} studioId={studioId} />
      </View>
      <StateView
        state={list}
        isEmpty={(d) => d.items.length === 0}
        emptyText={q ? `没有符合“${q}”的${def.noun}记录` : `还没有${def.noun}记录`}
      >
        {() => (
          <View className="list-card">
            {sorted.map((r) => (
              <View key={r.id} className="record-row" data-testid="record-row">
                <Row
                  view={rowDef.row(r)}
                  onOpen={rowDef.open ? () => open(r) : undefined}
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
            <ListFooter list={list} />
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
