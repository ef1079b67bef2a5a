import type { DashboardView } from './dto/dashboard.dto';
import type { DashboardQuery } from './dto/dashboard-query.dto';

/** What filtering and paging need of a row: its studio and its risk (the list's order). */
interface Filterable {
  studio: { name: string; unitName: string; status: string; policyId: string };
}

/**
 * A dashboard's keyword, status and policy filters and its page (issue 11 item 2), applied to
 * the risk-ordered list the service built for the whole scope (the scope is evaluated whole:
 * the order is by risk, which only the evaluation knows). `policies` lists the scope's
 * policies before filtering, for the screen's filter chips. Rows of any shape: the service
 * reads the page's summaries afterwards (progress snapshots).
 */
export function filterDashboard<T extends Filterable>(
  built: { asOf: string; computedAt: string; items: T[] },
  q: Pick<DashboardQuery, 'q' | 'status' | 'policyId' | 'page' | 'pageSize'>,
): Omit<DashboardView, 'items'> & { items: T[] } {
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
  const { asOf, computedAt } = built;
  if (q.page === undefined)
    return { asOf, computedAt, items: matching, total, page: 1, pageSize: total, policies };
  const pageSize = q.pageSize ?? 20;
  const items = matching.slice((q.page - 1) * pageSize, q.page * pageSize);
  return { asOf, computedAt, items, total, page: q.page, pageSize, policies };
}
