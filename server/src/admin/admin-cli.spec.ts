import { parseArgs, UsageError } from './admin-cli';

describe(parseArgs.name, () => {
  it('reads the command and its --options, with or without the pnpm "--"', () => {
    expect(
      parseArgs(['--', 'create-jurisdiction', '--name', '乌鲁木齐市', '--policy', 'urumqi-2023']),
    ).toEqual({
      command: 'create-jurisdiction',
      options: { name: '乌鲁木齐市', policy: 'urumqi-2023' },
    });
    expect(parseArgs(['invite-reviewer', '--jurisdiction', '3'])).toEqual({
      command: 'invite-reviewer',
      options: { jurisdiction: '3' },
    });
  });

  it('rejects a missing command, a stray argument and an option without a value', () => {
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(['invite-reviewer', '3'])).toThrow(/unexpected argument 3/);
    expect(() => parseArgs(['invite-reviewer', '--jurisdiction'])).toThrow(/needs a value/);
  });
});
