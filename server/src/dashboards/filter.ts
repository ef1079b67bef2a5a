import type { DashboardItem, DashboardView } from './dto/dashboard.dto';
import type { DashboardQuery } from './dto/dashboard-query.dto';

type Row = DashboardItem & { studio: { policyId: string } };

/**
 * A dashboard's keyword, status and policy filters and its page (issue 11 item 2), applied to
 * the risk-ordered list the service built for the whole scope (the scope is evaluated whole:
 * the order is by risk, which only the evaluation knows). `policies` lists the scope's
 * policies before filtering, for the screen's filter chips.
 */
export function filterDashboard(
  built: { asOf: string; computedAt: string; items: Row[] },
  q: Pick<DashboardQuery, 'q' | 'status' | 'policyId' | 'page' | 'pageSize'>,
): DashboardView {
  const policies = [...new Set(built.items.map((it) => it.studio.policyId))].sort();
  const kw = q.q?.trim().toLowerCase();
  const matching = built.items.filter(
    (it) =>
      (!q.status || it.studio.status === q.status) &&
      (!q.policyId || it.studio.policyId === q.policyId) &&
      (!kw ||
        it.studio.name.toLowerCase().includes(kw) ||
        it.studio.unitName.toLowerCase().includes(kw)),
  );
  const total = matching.length;
  if (q.page === undefined)
    return {
      asOf: built.asOf,
      computedAt: built.computedAt,
      items: matching,
      total,
      page: 1,
      pageSize: total,
      policies,
    };
  const pageSize = q.pageSize ?? 20;
  const items = matching.slice((q.page - 1) * pageSize, q.page * pageSize);
  return {
    asOf: built.asOf,
    computedAt: built.computedAt,
    items,
    total,
    page: q.page,
    pageSize,
    policies,
  };
}
