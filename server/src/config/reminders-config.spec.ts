import { ConfigError } from './config';
import { parseRemindersConfig } from './reminders-config';

describe('reminders configuration', () => {
  it('schedules outside tests by default, every 15 minutes, nothing pushed without templates', () => {
    expect(parseRemindersConfig({ NODE_ENV: 'production' })).toEqual({
      schedule: true,
      intervalSeconds: 900,
      templates: { deadline: null, activity: null },
      miniprogramState: 'formal',
    });
    expect(parseRemindersConfig({ NODE_ENV: 'test' }).schedule).toBe(false);
    expect(parseRemindersConfig({ NODE_ENV: 'test', REMINDERS_SCHEDULE: 'true' }).schedule).toBe(
      true,
    );
  });

  it('reads the interval, template ids and state, and names a bad variable', () => {
    const c = parseRemindersConfig({
      REMINDERS_INTERVAL: '5m',
      WECHAT_TEMPLATE_DEADLINE: 'AbC-123_xyzTemplate',
      WECHAT_MINIPROGRAM_STATE: 'trial',
    });
    expect(c).toMatchObject({
      intervalSeconds: 300,
      templates: { deadline: 'AbC-123_xyzTemplate', activity: null },
      miniprogramState: 'trial',
    });
    expect(() => parseRemindersConfig({ WECHAT_TEMPLATE_ACTIVITY: 'bad id!' })).toThrow(
      ConfigError,
    );
    expect(() => parseRemindersConfig({ WECHAT_MINIPROGRAM_STATE: 'prod' })).toThrow(
      /WECHAT_MINIPROGRAM_STATE/,
    );
    expect(() => parseRemindersConfig({ REMINDERS_SCHEDULE: 'yes' })).toThrow(/REMINDERS_SCHEDULE/);
  });
});
