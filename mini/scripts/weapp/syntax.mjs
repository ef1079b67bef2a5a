// Every .js of the build must parse as ES2019: WeChat runs it untranslated (project.config.json
// keeps es6 off, see docs/mini-app.md) in iOS's JavaScriptCore, where newer syntax (`?.`, `??`,
// class fields, …) is a SyntaxError on older iPhones and the whole file fails to load.
// Regular expressions with lookbehind parse in ES2018 but JavaScriptCore only accepts them from
// iOS 16.4, so they are refused too. .wxs files are WeChat's own ES5 dialect.
import { readFileSync } from 'node:fs';
import * as acorn from 'acorn';

export const ECMA_VERSION = 2019;

/** @returns {{ ok: boolean, problems: string[], checked: number }} */
export function checkSyntax(files) {
  const problems = [];
  let checked = 0;
  for (const f of files) {
    const ecmaVersion = f.rel.endsWith('.js') ? ECMA_VERSION : f.rel.endsWith('.wxs') ? 5 : null;
    if (!ecmaVersion) continue;
    checked++;
    const source = readFileSync(f.path, 'utf8');
    const label = ecmaVersion === 5 ? 'ES5' : `ES${ecmaVersion}`;
    try {
      // allowReturnOutsideFunction: WeChat wraps each file in a function.
      acorn.parse(source, { ecmaVersion, sourceType: 'script', allowReturnOutsideFunction: true });
    } catch (err) {
      const at = err.pos ?? 0;
      const near = JSON.stringify(source.slice(Math.max(0, at - 40), at + 20));
      problems.push(
        `${f.rel}:${err.loc?.line}:${(err.loc?.column ?? 0) + 1} not ${label}: ${err.message.replace(/ \(\d+:\d+\)$/, '')} near ${near}`,
      );
      continue;
    }
    // Tokenizing is slower than parsing: only files that could hold a lookbehind.
    if (!source.includes('(?<=') && !source.includes('(?<!')) continue;
    for (const token of acorn.tokenizer(source, {
      ecmaVersion,
      allowReturnOutsideFunction: true,
      locations: true,
    })) {
      if (token.type === acorn.tokTypes.regexp && /\(\?<[=!]/.test(token.value.pattern)) {
        const { line, column } = token.loc.start;
        problems.push(
          `${f.rel}:${line}:${column + 1} regular expression with lookbehind /${token.value.pattern}/ (a SyntaxError before iOS 16.4)`,
        );
      }
    }
  }
  return { ok: problems.length === 0, problems, checked };
}
