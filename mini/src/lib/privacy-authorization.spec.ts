import {
  AGREE_BUTTON_ID,
  answerPrivacy,
  installPrivacyAuthorization,
  isPrivacyRefusal,
  privacyPending,
  type PrivacyResolution,
  type PrivacyWx,
} from './privacy-authorization';

/**
 * A stub of WeChat's side: the first scanCode / chooseMedia asks the registered listener and
 * waits for its answer (as the base library does with __usePrivacyCheck__), then succeeds or
 * fails with errno 104.
 */
function stubWx() {
  let listener: Parameters<NonNullable<PrivacyWx['onNeedPrivacyAuthorization']>>[0] | null = null;
  let agreed = false;
  const answers: PrivacyResolution[] = [];
  const guarded =
    <T>(name: string, result: T) =>
    async (): Promise<T> => {
      if (!agreed) {
        if (!listener)
          throw { errno: 104, errMsg: `${name}:fail privacy permission is not authorized` };
        const final = await new Promise<PrivacyResolution>((done) =>
          listener!((r) => {
            answers.push(r);
            if (r.event !== 'exposureAuthorization') done(r);
          }),
        );
        if (final.event !== 'agree' || final.buttonId !== AGREE_BUTTON_ID)
          throw { errno: 104, errMsg: `${name}:fail privacy permission is not authorized` };
        agreed = true;
      }
      return result;
    };
  return {
    wx: {
      onNeedPrivacyAuthorization: (l: typeof listener) => {
        listener = l;
      },
      scanCode: guarded('scanCode', { result: 'CODE-1' }),
      chooseMedia: guarded('chooseMedia', { tempFiles: [{ tempFilePath: 'a.jpg' }] }),
    },
    answers,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('privacy authorization (weapp)', () => {
  it('does nothing where the platform has no privacy listener (H5, old base library)', () => {
    expect(
      installPrivacyAuthorization(undefined, { ask: async () => true, openGuide: () => {} }),
    ).toBe(false);
    expect(installPrivacyAuthorization({}, { ask: async () => true, openGuide: () => {} })).toBe(
      false,
    );
  });

  it('consent given: shows the sheet, opens the guide, agrees with the button id, the scan runs', async () => {
    const { wx, answers } = stubWx();
    const opened: string[] = [];
    installPrivacyAuthorization(wx, {
      ask: async () => true,
      openGuide: () => opened.push('guide'),
    });
    const scan = wx.scanCode();
    await tick();
    expect(opened).toEqual(['guide']);
    expect(privacyPending()).toBe(true);
    answerPrivacy(true); // the guide page's open-type="agreePrivacyAuthorization" button
    await expect(scan).resolves.toEqual({ result: 'CODE-1' });
    expect(answers).toEqual([
      { event: 'exposureAuthorization' },
      { event: 'agree', buttonId: AGREE_BUTTON_ID },
    ]);
    expect(privacyPending()).toBe(false);
    // Once agreed, the next API is not asked again.
    await expect(wx.chooseMedia()).resolves.toMatchObject({
      tempFiles: [{ tempFilePath: 'a.jpg' }],
    });
  });

  it('consent refused at the sheet: disagree, the scan fails as a privacy refusal, nothing is pending', async () => {
    const { wx, answers } = stubWx();
    const opened: string[] = [];
    installPrivacyAuthorization(wx, {
      ask: async () => false,
      openGuide: () => opened.push('guide'),
    });
    const err: unknown = await wx.scanCode().catch((e: unknown) => e);
    expect(isPrivacyRefusal(err)).toBe(true);
    expect(opened).toEqual([]);
    expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }]);
    expect(privacyPending()).toBe(false);
  });

  it('consent refused on the guide page: the picker fails, the next one asks again', async () => {
    const { wx, answers } = stubWx();
    installPrivacyAuthorization(wx, { ask: async () => true, openGuide: () => {} });
    const first = wx.chooseMedia().catch((e: unknown) => e);
    await tick();
    answerPrivacy(false);
    expect(isPrivacyRefusal(await first)).toBe(true);
    const second = wx.chooseMedia();
    await tick();
    expect(privacyPending()).toBe(true);
    answerPrivacy(true);
    await expect(second).resolves.toBeTruthy();
    expect(answers.map((a) => a.event)).toEqual([
      'exposureAuthorization',
      'disagree',
      'exposureAuthorization',
      'agree',
    ]);
  });

  it('tells a privacy refusal from other failures', () => {
    expect(isPrivacyRefusal({ errno: 104, errMsg: 'x' })).toBe(true);
    expect(isPrivacyRefusal({ errMsg: 'scanCode:fail cancel' })).toBe(false);
  });
});
