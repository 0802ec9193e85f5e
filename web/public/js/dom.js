// dom.js: building the page with DOM calls only. Text from the data always goes in as text
// nodes or attribute values, never as markup, so a party or council name cannot inject HTML.
//
//   h('a', {href: '#/council/trafford', class: 'council'}, 'Trafford: ', h('strong', {}, label))
//   svg('circle', {cx: 10, cy: 10, r: 4, fill: colour})

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, props, children) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

// Appends children: nodes as they are, strings and numbers as text, arrays flattened,
// null/undefined/false skipped.
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function h(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

// Replaces an element's contents.
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

// "+3", "-2", "0": a change always shows its sign.
export function signed(n) {
  return n > 0 ? `+${n}` : String(n);
}

export function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
