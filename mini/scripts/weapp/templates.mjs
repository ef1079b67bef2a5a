// WeChat's template and style compilers, the Linux `wcc` (WXML) and `wcsc` (WXSS) binaries that
// miniprogram-compiler ships, run over every .wxml / .wxs and every .wxss of the build, as
// DevTools runs them before a preview. WeChat's project compile (wechat-compile.mjs) does not
// look inside templates or styles. wcc's output defines `$gwx`, which the headless run renders
// pages with.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The package's own wrappers build wcc's argument list (components, wxs modules); we call them
// directly because its wxssToJs hides wcsc's error message.
const wcc = require('miniprogram-compiler/src/wcc');
const wcsc = require('miniprogram-compiler/src/wcsc');
const MAX_OUTPUT = 64 * 1024 * 1024;

const strip = (message) =>
  message
    .replace(/^编译 \.wx[ms]s?l? 文件错误：/, '')
    .replace(/\n+error file count: \d+\s*$/, '')
    .trim();

/** @returns {{ ok: boolean, problems: string[], gwxSource?: string, count: number }} */
export function compileWxml(dir, files) {
  const wxml = files
    .filter((f) => f.rel.endsWith('.wxml'))
    .map((f) => f.rel.slice(0, -'.wxml'.length));
  const wxs = files.filter((f) => f.rel.endsWith('.wxs')).map((f) => f.rel);
  try {
    const output = wcc(dir, wxml, wxs, { maxBuffer: MAX_OUTPUT });
    // The same wrapper miniprogram-compiler's wxmlToJs puts around wcc's output.
    return {
      ok: true,
      problems: [],
      gwxSource: `${output};\nreturn $gwx;`,
      count: wxml.length + wxs.length,
    };
  } catch (err) {
    return {
      ok: false,
      problems: [`wcc: ${strip(String(err.message))}`],
      count: wxml.length + wxs.length,
    };
  }
}

/** @returns {{ ok: boolean, problems: string[], count: number }} */
export function compileWxss(dir, files) {
  const wxss = files
    .filter((f) => f.rel.endsWith('.wxss'))
    .map((f) => f.rel.slice(0, -'.wxss'.length));
  const result = wcsc(dir, wxss, { maxBuffer: MAX_OUTPUT });
  if (result instanceof Error)
    return { ok: false, problems: [`wcsc: ${strip(result.message)}`], count: wxss.length };
  return { ok: true, problems: [], count: wxss.length };
}
