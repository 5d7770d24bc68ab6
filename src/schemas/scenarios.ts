/**
 * Unknown scenarios fail the build with file and line: every `scenario="…"`
 * prop of a <Terminal> or <Claim> in a chapter must name a scenario the model
 * defines (src/model/world/scenarios.ts), or the reader's terminal would
 * start nowhere and the claim suite could not run the claim.
 */
import { SCENARIO_NAMES } from '../model/world/scenarios.ts';

/** One scenario prop: where it is, and the name written. */
export interface ScenarioUse {
  readonly component: string;
  readonly scenario: string;
  readonly line: number;
}

/** Every `scenario=` prop of a component tag in an MDX source, with its 1-based line. */
export function scenarioUses(source: string): ScenarioUse[] {
  const out: ScenarioUse[] = [];
  for (const open of source.matchAll(/<([A-Z][A-Za-z]*)\b/g)) {
    const start = open.index;
    const tag = source.slice(start, tagEnd(source, start + open[0].length));
    for (const m of tag.matchAll(/\sscenario=(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\}|\{([^}]*)\})/g)) {
      const at = start + m.index + 1;
      out.push({ component: open[1], scenario: m[1] ?? m[2] ?? m[3] ?? `{${m[4]}}`, line: source.slice(0, at).split('\n').length });
    }
  }
  return out;
}

/** Index just past the `>` closing a JSX tag: skips quoted strings, template literals and {…} expressions. */
export function tagEnd(s: string, i: number): number {
  let depth = 0;
  let quote = '';
  for (; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return s.length;
}

/** Throw naming file:line for each scenario the model does not define. */
export function checkScenarios(file: string, source: string, known: readonly string[] = SCENARIO_NAMES): void {
  const bad = scenarioUses(source).filter((u) => !known.includes(u.scenario));
  if (!bad.length) return;
  const list = bad.map((u) => `  - ${file}:${u.line}: <${u.component}> scenario "${u.scenario}"`).join('\n');
  throw new Error(`Unknown scenario in ${file}:\n${list}\nKnown scenarios (src/model/world/scenarios.ts): ${known.join(', ')}`);
}
