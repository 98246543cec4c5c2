// Builds the NL Design System part of www/style.css from the npm packages pinned in
// scripts/package.json (all EUPL-1.2, like Routewijzer): the candidate button and skip link
// components, with only the variants the app uses, and the design tokens they read, taken
// from the example theme (@nl-design-system-unstable/voorbeeld-design-tokens) and resolved
// to plain values, with the app's blue in place of the example's violet. Nothing is fetched
// at run time; the page's CSP stays `style-src 'self'`.
//
//   node scripts/nlds.mjs          rewrites the blocks between the markers in www/style.css
//                                  (what the explainer uses) and www/views.css (the rest:
//                                  primary, destructive and pressed buttons)
//   node scripts/nlds.mjs --check  fails if a block differs from what the packages give
//
// A host page can restyle the app by setting the same `--nl-button-*` tokens on
// `.rw-root` (docs/embedding.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as csstree from 'css-tree';

const here = dirname(fileURLToPath(import.meta.url));
// Read from scripts/node_modules directly: the packages' `exports` hide their package.json.
const packageFile = (name, file) => join(here, 'node_modules', name, file);
const version = (name) => JSON.parse(readFileSync(packageFile(name, 'package.json'), 'utf8')).version;

const COMPONENTS = [
  ['@nl-design-system-candidate/button-css', 'dist/button.css'],
  ['@nl-design-system-candidate/skip-link-css', 'dist/skip-link.css'],
];
const THEME = '@nl-design-system-unstable/voorbeeld-design-tokens';
/** Variants the app does not use (a pressed button is a secondary one): left out. */
const unused = (selector) => /nl-button--(positive|busy|icon-only)|nl-button__(icon-start|icon-end|label)/.test(selector)
  || (/--pressed/.test(selector) && /--(primary|subtle|negative)/.test(selector));
/**
 * The app marks a disabled button with `disabled` and a toggle with `aria-pressed`, as
 * HTML has them, rather than with the classes alone: both count.
 */
const STATES = [
  ['.nl-button--disabled', ':is(.nl-button--disabled,:disabled)'],
  ['.nl-button--pressed', ':is(.nl-button--pressed,[aria-pressed=true])'],
];
/**
 * The example theme's violet, replaced by the app's blue (#01689b). Contrast on white:
 * 700 14.5:1, 600 9.3:1, 500 5.9:1 (text), 400 4.1:1 (borders, large text); white text
 * on 500 5.9:1 and on 600 9.3:1; 500 on 200 4.9:1, 600 on 200 7.7:1.
 */
const PALETTE = {
  '--voorbeeld-kleuren-violet-700': '#00344f',
  '--voorbeeld-kleuren-violet-600': '#004e75',
  '--voorbeeld-kleuren-violet-500': '#01689b',
  '--voorbeeld-kleuren-violet-400': '#3d85b0',
  '--voorbeeld-kleuren-violet-300': '#a8cbe0',
  '--voorbeeld-kleuren-violet-200': '#d6e6f0',
  '--voorbeeld-kleuren-violet-100': '#ebf3f8',
  '--voorbeeld-kleuren-violet-50': '#f5f9fc',
};
const BEGIN = '/* nlds:begin';
const END = '/* nlds:end */';

/** Variants only the other views use: in views.css, loaded with them. */
const later = (selector) => /--(primary|negative|pressed)/.test(selector);

/** The component's CSS without unused variants, for the explainer (`first`) or the rest. */
function component(text, first) {
  const ast = csstree.parse(text);
  const drop = (selector) => unused(selector) || later(selector) === first;
  csstree.walk(ast, {
    visit: 'Rule',
    enter(node, item, list) {
      const selectors = node.prelude.children;
      selectors.forEach((selector, entry) => {
        if (drop(csstree.generate(selector))) selectors.remove(entry);
      });
      if (selectors.isEmpty && list) list.remove(item);
    },
  });
  // At-rules (forced colours) left empty go too.
  csstree.walk(ast, {
    visit: 'Atrule',
    enter(node, item, list) {
      if (node.block && node.block.children.isEmpty && list) list.remove(item);
    },
  });
  return STATES.reduce((css, [from, to]) => css.replaceAll(from, to), csstree.generate(ast));
}

/** Every custom property a stylesheet reads with var(), and those it sets itself. */
function properties(css) {
  const read = new Set();
  const set = new Set();
  csstree.walk(csstree.parse(css), (node) => {
    if (node.type === 'Function' && node.name === 'var') read.add(node.children.first.name);
    if (node.type === 'Declaration' && node.property.startsWith('--')) set.add(node.property);
  });
  return [...read].filter((name) => !set.has(name)).sort();
}

/** The theme's tokens, and a token's value with every var() in it resolved. */
function theme() {
  const text = readFileSync(packageFile(THEME, 'dist/theme.css'), 'utf8');
  const tokens = new Map(Object.entries(PALETTE));
  for (const [, name, value] of text.matchAll(/(--[\w-]+):\s*([^;]+);/g)) {
    if (!tokens.has(name)) tokens.set(name, value.trim());
  }
  // em, not rem: a host page's root font size must not resize the app (www/style.css).
  const resolve = (value, depth = 0) => {
    if (depth > 20) throw new Error(`nlds: token cycle at ${value}`);
    return value.replace(/(\d)rem\b/g, '$1em').replace(/var\((--[\w-]+)(?:,\s*([^)]*))?\)/g, (whole, name, fallback) => {
      if (tokens.has(name)) return resolve(tokens.get(name), depth + 1);
      if (fallback !== undefined) return fallback;
      throw new Error(`nlds: token ${name} is not in ${THEME}`);
    });
  };
  return { tokens, resolve };
}

function block(first) {
  const css = COMPONENTS.map(([name, file]) => component(readFileSync(packageFile(name, file), 'utf8'), first)).join('');
  const { tokens, resolve } = theme();
  // Tokens the theme does not set keep the component's own fallback.
  const used = properties(css).filter((name) => tokens.has(name));
  const values = used.map((name) => `${name}:${resolve(tokens.get(name))}`).join(';');
  const sources = [...COMPONENTS.map(([name]) => name), THEME].map((name) => `${name} ${version(name)}`).join(', ');
  return `${BEGIN}: generated by scripts/nlds.mjs from ${sources} (EUPL-1.2); do not edit */\n`
    + `.rw-root{${values}}\n${css}\n${END}`;
}

for (const [file, first] of [['style.css', true], ['views.css', false]]) {
  const target = join(here, '..', 'www', file);
  const style = readFileSync(target, 'utf8');
  const start = style.indexOf(BEGIN);
  const stop = style.indexOf(END);
  if (start < 0 || stop < start) throw new Error(`nlds: ${target} has no ${BEGIN} … ${END} block`);
  const next = style.slice(0, start) + block(first) + style.slice(stop + END.length);
  if (!process.argv.includes('--check')) {
    writeFileSync(target, next);
    console.log(`nlds: ${target} updated`);
  } else if (next !== style) {
    console.error(`nlds: www/${file} differs from the NL Design System packages; run node scripts/nlds.mjs`);
    process.exit(1);
  }
}
