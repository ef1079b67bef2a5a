/** Configuration of reminders (issue 14), read by loadConfig (config.ts) at boot. */
import { ConfigError, parseBoolean, parseDuration } from './config-values';

export interface RemindersConfig {
  /** Run the scan on a schedule. Off under Jest (NODE_ENV=test) unless REMINDERS_SCHEDULE=true. */
  schedule: boolean;
  /** Seconds between scans (REMINDERS_INTERVAL, e.g. 15m); default 15 minutes. */
  intervalSeconds: number;
  /** Subscribe-message template ids from the mini-program console; null = not pushed. */
  templates: { deadline: string | null; activity: string | null };
  /** subscribeMessage.send's miniprogram_state: which build a tap on the message opens. */
  miniprogramState: 'formal' | 'trial' | 'developer';
}

const TEMPLATE_ID = /^[A-Za-z0-9_-]{10,64}$/;

function template(name: string, raw: string | undefined): string | null {
  const v = raw?.trim() ?? '';
  if (v === '') return null;
  if (!TEMPLATE_ID.test(v))
    throw new ConfigError(name, `must be a template id from the mini-program console, got "${v}"`);
  return v;
}

export function parseRemindersConfig(env: NodeJS.ProcessEnv): RemindersConfig {
  const state = env.WECHAT_MINIPROGRAM_STATE?.trim() || 'formal';
  if (state !== 'formal' && state !== 'trial' && state !== 'developer')
    throw new ConfigError(
      'WECHAT_MINIPROGRAM_STATE',
      `must be formal, trial or developer, got "${state}"`,
    );
  return {
    schedule: parseBoolean('REMINDERS_SCHEDULE', env.REMINDERS_SCHEDULE, env.NODE_ENV !== 'test'),
    intervalSeconds: parseDuration('REMINDERS_INTERVAL', env.REMINDERS_INTERVAL, 15 * 60),
    templates: {
      deadline: template('WECHAT_TEMPLATE_DEADLINE', env.WECHAT_TEMPLATE_DEADLINE),
      activity: template('WECHAT_TEMPLATE_ACTIVITY', env.WECHAT_TEMPLATE_ACTIVITY),
    },
    miniprogramState: state,
  };
}
