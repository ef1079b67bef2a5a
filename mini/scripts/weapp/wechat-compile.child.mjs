// Child process of wechat-compile.mjs: runs miniprogram-ci's project compile on one build and
// prints one JSON line. A process of its own because miniprogram-ci forks a compiler process
// that keeps Node alive, and writes scratch folders into the working directory.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ci = require('miniprogram-ci');
const [projectPath, settingJson] = process.argv.slice(2);

const report = (answer) => {
  process.stdout.write(`\n@@result ${JSON.stringify(answer)}\n`);
  process.exit(0);
};
try {
  const project = new ci.Project({
    appid: 'wx0000000000000000', // never sent anywhere: nothing here uploads
    type: 'miniProgram',
    projectPath,
    privateKey: 'offline', // compile needs no key; upload and preview would
    attr: async () => ci.DefaultProjectAttr, // instead of asking WeChat's servers about the app
  });
  const result = await ci.getCompiledResult({ project, setting: JSON.parse(settingJson) });
  report({
    ok: true,
    files: Object.fromEntries(Object.entries(result).map(([k, v]) => [k, Buffer.byteLength(v)])),
  });
} catch (err) {
  report({ ok: false, message: String(err?.message ?? err), code: err?.code ?? null });
}
