// The headless run of the compiled app: for the sign-in page and each role's home, a fresh
// app-service context (app-vm.mjs) launches dist/weapp, its wx.request calls go to the real
// test server, and the page's setData tree is rendered through wcc's $gwx (render.mjs). Each
// scenario asserts what a person would read on the screen, with the expected values fetched
// from the server as that person, and that nothing threw.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLoopbackHost } from '../loopback.mjs';
import { createAppVm } from './app-vm.mjs';
import { renderPage } from './render.mjs';

const TOKEN_KEY = 'ms.accessToken'; // mini/src/services/token.ts: a returning user's stored sign-in
const MAX_HOPS = 3;

/**
 * Answers wx.request from the app: WeChat only lets an app call https hosts on its domain list,
 * so a non-https or loopback URL is refused and reported; the rest goes to the test server
 * (the path is kept, so https://api.example.invalid/api/me → <server>/api/me).
 */
function forwarder(serverOrigin, report) {
  return async (options) => {
    const url = new URL(options.url);
    const method = String(options.method ?? 'GET').toUpperCase();
    report.origins.add(url.origin);
    if (url.protocol !== 'https:' || isLoopbackHost(url.hostname)) {
      report.problems.push(
        `the app requested ${method} ${options.url}: WeChat only calls https hosts on the app's domain list`,
      );
      throw new Error('url not in domain list');
    }
    if (!serverOrigin) throw new Error('no server in this run');
    let target = `${serverOrigin}${url.pathname}${url.search}`;
    let body;
    const header = { ...(options.header ?? {}) };
    if (method === 'GET' && options.data && typeof options.data === 'object') {
      const query = new URLSearchParams(
        Object.entries(options.data)
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k, v]) => [k, String(v)]),
      ).toString();
      if (query) target += `${url.search ? '&' : '?'}${query}`;
    } else if (options.data !== undefined && method !== 'GET') {
      body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
      if (!Object.keys(header).some((k) => k.toLowerCase() === 'content-type'))
        header['content-type'] = 'application/json';
    }
    const res = await fetch(target, { method, headers: header, body });
    report.requests.push(`${method} ${url.pathname}${url.search} → ${res.status}`);
    if (res.status >= 500) report.problems.push(`${method} ${url.pathname} answered ${res.status}`);
    return {
      statusCode: res.status,
      header: Object.fromEntries(res.headers),
      text: await res.text(),
    };
  };
}

/**
 * Launches the app, opens its first page and follows the navigations it makes by itself (a
 * signed-in user is sent on to their home), then renders the page it lands on.
 */
export async function visit({ dir, gwx, serverOrigin, storage = {} }) {
  const report = { problems: [], requests: [], origins: new Set() };
  const app = createAppVm({ dir, fetch: forwarder(serverOrigin, report), storage });
  const onRejection = (reason) => app.fail('unhandled promise rejection', reason);
  process.on('unhandledRejection', onRejection);
  try {
    const entry = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')).pages[0];
    app.launch(entry);
    let page = await app.open(entry, {});
    const route = [entry];
    for (let hop = 0; hop < MAX_HOPS && app.navigations.length > 0; hop++) {
      const { url } = app.navigations.shift();
      const [path, query = ''] = url.replace(/^\//, '').split('?');
      route.push(path);
      page = await app.open(path, Object.fromEntries(new URLSearchParams(query)));
    }
    await app.settle();
    let screen = { text: '', nodes: 0 };
    if (page) {
      try {
        screen = renderPage({ gwx, dir, route: page.route, data: page.data });
      } catch (err) {
        report.problems.push(`rendering ${page.route} through $gwx failed: ${err.message}`);
      }
    }
    for (const e of app.errors) {
      const message = e.message.split('\n').slice(0, 4).join(' | ');
      // React reports an error its boundary caught through console.error, not by throwing.
      report.problems.push(
        e.where === 'console.error'
          ? `console.error: ${message}`
          : `threw in ${e.where}: ${message}`,
      );
    }
    return {
      route,
      page: page?.route ?? null,
      screen,
      toasts: app.seen.toasts,
      unsupported: [...app.unsupported],
      ...report,
      origins: [...report.origins],
    };
  } finally {
    app.dispose();
    process.off('unhandledRejection', onRejection);
  }
}

/** Text checks: each returns a problem or null. */
const shows = (what) => (text) => (text.includes(what) ? null : `does not show "${what}"`);
const showsMatch = (re, what) => (text) => (re.test(text) ? null : `does not show ${what} (${re})`);
const esc = (s) => String(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A target as a person reads it: its name, then actual/required within the same card. */
const target = (t) =>
  showsMatch(
    new RegExp(`${esc(t.label)}[^\\n]*\\n(?:[^\\n]*\\n)?[^\\n]*${t.actual}\\s*/\\s*${t.required}`),
    `${t.label} ${t.actual}/${t.required}`,
  );

async function api(serverOrigin, path, token, body) {
  const res = await fetch(`${serverOrigin}/api${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A dashboard of studios (unit contact, reviewer): each studio's name and its targets. */
const dashboardChecks = (items) => [
  ...items.map((i) => shows(i.studio.name)),
  ...items.flatMap((i) =>
    i.targets.map((t) => (text) => {
      const start = text.indexOf(i.studio.name);
      const next =
        items
          .map((o) => text.indexOf(o.studio.name))
          .filter((n) => n > start)
          .sort((a, b) => a - b)[0] ?? text.length;
      const problem = target(t)(text.slice(start, next));
      return start === -1 || !problem ? null : `${i.studio.name}: ${problem}`;
    }),
  ),
];

/** What each role's home must show, read from the server as that person. */
const ROLES = {
  leader: {
    home: 'pages/leader/home/index',
    async expect(origin, signIn) {
      const { studioId } = signIn.roles[0];
      const studio = await api(origin, `/studios/${studioId}`, signIn.accessToken);
      const progress = await api(origin, `/studios/${studioId}/progress`, signIn.accessToken);
      return [
        shows(studio.name),
        shows(`你好，${signIn.account.name}`),
        ...progress.targets.map(target),
      ];
    },
  },
  apprentice: {
    home: 'pages/apprentice/home/index',
    async expect(origin, signIn) {
      const attendance = await api(origin, '/me/attendance', signIn.accessToken);
      const certificates = await api(origin, '/me/certificates', signIn.accessToken);
      return [
        shows(signIn.roles[0].studioName),
        shows(`你好，${signIn.account.name}`),
        // Both lists are paged: the home shows the server's totals, not a page's rows.
        showsMatch(
          new RegExp(`(^|\\D)${attendance.total}\\s*累计签到`),
          `${attendance.total} 累计签到`,
        ),
        showsMatch(
          new RegExp(`(^|\\D)${certificates.total}\\s*取得证书`),
          `${certificates.total} 取得证书`,
        ),
      ];
    },
  },
  unit: {
    home: 'pages/unit/home/index',
    async expect(origin, signIn) {
      const { unitId, unitName } = signIn.roles[0];
      const dash = await api(origin, `/dashboards/unit/${unitId}`, signIn.accessToken);
      return [
        shows(unitName),
        shows(`共 ${dash.items.length} 个技能大师工作室`),
        ...dashboardChecks(dash.items),
      ];
    },
  },
  reviewer: {
    home: 'pages/reviewer/home/index',
    async expect(origin, signIn) {
      const { jurisdictionId, jurisdictionName } = signIn.roles[0];
      const dash = await api(
        origin,
        `/dashboards/jurisdiction/${jurisdictionId}`,
        signIn.accessToken,
      );
      return [
        shows(jurisdictionName),
        shows(`共 ${dash.items.length} 个工作室`),
        ...dashboardChecks(dash.items),
      ];
    },
  },
};

/** The sign-in page for someone who never signed in: no request, the WeChat sign-in button. */
export async function signInScenario({ dir, gwx, serverOrigin }) {
  const seen = await visit({ dir, gwx, serverOrigin });
  const checks = [shows('技能大师工作室助手'), shows('微信一键登录')];
  return finish('sign-in page', seen, checks, 'pages/auth/login/index');
}

/** A returning user of the demo account: sign-in page → their home, with the server's data. */
export async function roleScenario({ dir, gwx, serverOrigin, username }) {
  const role = ROLES[username];
  const signIn = await api(serverOrigin, '/auth/demo', null, { username });
  const checks = await role.expect(serverOrigin, signIn);
  const seen = await visit({
    dir,
    gwx,
    serverOrigin,
    storage: { [TOKEN_KEY]: signIn.accessToken },
  });
  return finish(`${username} home`, seen, checks, role.home);
}

export const ROLE_NAMES = Object.keys(ROLES);

function finish(name, seen, checks, expectedPage) {
  const problems = [...seen.problems];
  if (seen.page !== expectedPage)
    problems.push(
      `landed on ${seen.page} (via ${seen.route.join(' → ')}), expected ${expectedPage}`,
    );
  else
    for (const check of checks) {
      const problem = check(seen.screen.text);
      if (problem) problems.push(problem);
    }
  if (seen.page && seen.screen.nodes === 0) problems.push(`${seen.page} rendered nothing`);
  return { ...seen, name, ok: problems.length === 0, problems };
}
