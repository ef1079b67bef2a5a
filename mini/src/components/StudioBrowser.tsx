import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { citeZh } from '@master-studio/shared-rules';
import type { DashboardItem, DashboardView } from '@/services/studio-api';
import { cleanQuery } from '@/lib/paging';
import { formatTime } from '@/lib/format';
import { label } from '@/lib/labels';
import type { DeadlineRole } from '@/lib/deadline-actions';
import { DeadlineList } from './DeadlineList';
import { FilterChips, ListFooter, SearchBox } from './ListTools';
import { StateView } from './StateView';
import { StudioRiskList } from './StudioRiskList';
import { usePagedList } from './usePagedList';

const STATUSES = ['active', 'rectification', 'expired', 'revoked'];

/**
 * The unit's and the reviewer's studio list (issue 11 items 2 and 8): a keyword, filters by
 * status and policy, a page at a time (the server's dashboard, most at risk first), and under
 * each studio its overdue and next deadlines, each opening what to do about it.
 */
export function StudioBrowser({
  load,
  asOf,
  role,
  onOpen,
  emptyText,
  noun = '工作室',
}: {
  load: (query: Record<string, string | number>) => Promise<DashboardView>;
  asOf: string;
  role: DeadlineRole;
  onOpen: (id: number) => void;
  emptyText: string;
  /** What the total counts: 共 n 个<noun>. */
  noun?: string;
}) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [policyId, setPolicyId] = useState('');
  const [policies, setPolicies] = useState<string[]>([]);
  // When the oldest of the answered rows was computed (progress snapshots, issue 16).
  const [computedAt, setComputedAt] = useState('');
  const list = usePagedList<DashboardItem>(
    async (page, pageSize) => {
      const d = await load(cleanQuery({ q, status, policyId, page, pageSize }));
      setPolicies(d.policies);
      if (page === 1) setComputedAt(d.computedAt);
      return d;
    },
    [q, status, policyId, asOf],
  );
  const filtered = q !== '' || status !== '' || policyId !== '';
  return (
    <View>
      <SearchBox placeholder="工作室名称或单位" onSearch={setQ} />
      <FilterChips
        name="status"
        value={status}
        onChange={setStatus}
        options={[
          { value: '', text: '全部状态' },
          ...STATUSES.map((s) => ({ value: s, text: label('studioStatus', s) })),
        ]}
      />
      <FilterChips
        name="policy"
        value={policyId}
        onChange={setPolicyId}
        options={[
          { value: '', text: '全部政策' },
          ...policies.map((p) => ({ value: p, text: citeZh(p) })),
        ]}
      />
      <StateView
        state={list}
        isEmpty={(d) => d.items.length === 0}
        emptyText={filtered ? '没有符合条件的工作室' : emptyText}
        rows={6}
      >
        {() => (
          <View>
            {/* The count is the server's total of the current search and filters; while those
                change (or if their first page failed) it says so rather than show the old one. */}
            <View className="p-0-16-12">
              <Text
                className="muted block"
                data-testid="studio-total"
                data-stale={list.stale ? 'true' : 'false'}
                onClick={list.stale && list.error !== undefined ? list.reload : undefined}
              >
                {!list.stale
                  ? `共 ${list.total} 个${noun}`
                  : list.error !== undefined
                    ? '查找失败，点此重试'
                    : '正在查找…'}
              </Text>
              {/* Read from the progress snapshots: when the oldest row shown was computed. */}
              {computedAt && (
                <Text className="muted block fs-12 mt-4" data-testid="studio-computed-at">
                  数据更新于 {formatTime(computedAt)}（记录变动后自动重算）
                </Text>
              )}
            </View>
            <StudioRiskList
              items={list.items}
              asOf={asOf}
              onOpen={onOpen}
              below={(it) => (
                <DeadlineList
                  deadlines={it.deadlines}
                  asOf={asOf}
                  role={role}
                  studioId={it.studio.id}
                />
              )}
            />
            <ListFooter list={list} />
          </View>
        )}
      </StateView>
    </View>
  );
}
