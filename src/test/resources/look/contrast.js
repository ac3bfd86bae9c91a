// WCAG 2.1 AA contrast of every visible text on the page, from the browser's computed colours. Run as the body of a
// function (Selenium's executeScript); returns the offenders, each with its text, its ratio and the ratio it needs.
// The background of a text is found by walking up its ancestors and laying their background colours over each other,
// white below all (the browser's canvas); a background image on the way (a gradient, a picture) cannot be read as one
// colour, so such a text is reported as unknown rather than passed.
const parse = value => {
  const m = /rgba?\(([^)]+)\)/.exec(value);
  if (!m) return null;
  const p = m[1].split(/[\s,/]+/).filter(Boolean).map(parseFloat);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
};
const over = (top, below) => {
  const a = top.a + below.a * (1 - top.a);
  const mix = k => a === 0 ? 0 : (top[k] * top.a + below[k] * below.a * (1 - top.a)) / a;
  return {r: mix('r'), g: mix('g'), b: mix('b'), a};
};
const luminance = c => {
  const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
};
const background = element => {
  const layers = [];
  for (let e = element; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (style.backgroundImage && style.backgroundImage !== 'none') return null;
    const colour = parse(style.backgroundColor);
    if (colour && colour.a > 0) layers.push(colour);
    if (colour && colour.a >= 1) break;
  }
  return layers.reverse().reduce((below, top) => over(top, below), {r: 255, g: 255, b: 255, a: 1});
};
const offenders = [];
const seen = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const text = node.textContent.replace(/\s+/g, ' ').trim();
  const element = node.parentElement;
  if (!text || !element || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION'].includes(element.tagName)) continue;
  // Inactive controls are exempt from the contrast rule (WCAG 1.4.3).
  if (element.closest(':disabled, [aria-disabled="true"], .disabled')) continue;
  const style = getComputedStyle(element);
  if (style.visibility !== 'visible') continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const box = range.getBoundingClientRect();
  // Not drawn, drawn off the page (text-indent: -999em) or clipped to a pixel (text for screen readers only).
  if (box.width <= 1 || box.height <= 1 || box.right < 0 || box.bottom < 0) continue;
  let opacity = 1;
  for (let e = element; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
  if (opacity === 0) continue;
  const back = background(element);
  const colour = parse(style.color);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
  const need = large ? 3 : 4.5;
  const label = text.length > 60 ? text.slice(0, 57) + '...' : text;
  if (!back || !colour) {
    if (!seen.has(label)) { seen.add(label); offenders.push({text: label, ratio: 0, need, colour: style.color, background: 'unknown (an image)'}); }
    continue;
  }
  const fore = over({...colour, a: colour.a * opacity}, back);
  const [l1, l2] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
  const ratio = Math.round((l1 + 0.05) / (l2 + 0.05) * 100) / 100;
  if (ratio < need && !seen.has(label)) {
    seen.add(label);
    offenders.push({text: label, ratio, need, colour: style.color, background: `rgb(${Math.round(back.r)}, ${Math.round(back.g)}, ${Math.round(back.b)})`});
  }
}
return offenders;
