// charts.js: the page's charts as SVG, each with a text alternative (role="img", <title> and
// <desc>) that says what the picture shows, so a screen reader gets the figures too.
//
//   hemicycle(parties, {seats: {PP53: 30, PP52: 29}, vacant: 0, unknown: 0, total: 63},
//             {title: 'Trafford after the election'})

import {svg} from './dom.js';

let chartIds = 0;

// Seats in the order they are drawn: parties with most seats first, then vacancies and seats
// still to declare. Each entry is {key, name, colour, seats}.
export function seatGroups(parties, composition) {
  const groups = Object.entries(composition.seats || {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => ({key, name: parties.name(key), short: parties.shortName(key), colour: parties.colour(key), seats: n}));
  if (composition.vacant) groups.push({key: 'vacant', name: 'Vacant', short: 'vacant', colour: '#ffffff', seats: composition.vacant});
  if (composition.unknown) {
    groups.push({key: 'to-declare', name: 'To declare', short: 'to declare', colour: '#e6e6e6', seats: composition.unknown});
  }
  return groups;
}

export function majorityOf(total) {
  return Math.floor(total / 2) + 1;
}

// "Lab 30, Con 29, LD 2, Grn 2, to declare 4"
export function describeSeats(groups) {
  return groups.map((g) => `${g.short} ${g.seats}`).join(', ') || 'no seats';
}

// Seat positions of a hemicycle of n seats: rows of seats on concentric arcs, each row's share
// in proportion to its length, then ordered left to right so that a party's seats sit together.
function hemicycleSeats(n) {
  const rows = Math.max(1, Math.min(8, Math.round(Math.sqrt(n / 3))));
  const inner = rows === 1 ? 1 : 0.42;
  const radii = Array.from({length: rows}, (_, i) => (rows === 1 ? 1 : inner + ((1 - inner) * i) / (rows - 1)));
  const sum = radii.reduce((a, b) => a + b, 0);
  const counts = radii.map((r) => Math.floor((n * r) / sum));
  for (let left = n - counts.reduce((a, b) => a + b, 0), i = rows - 1; left > 0; left--, i = (i - 1 + rows) % rows) counts[i]++;
  const seats = [];
  radii.forEach((r, row) => {
    const k = counts[row];
    for (let j = 0; j < k; j++) seats.push({r, angle: k === 1 ? Math.PI / 2 : Math.PI * (1 - j / (k - 1))});
  });
  seats.sort((a, b) => b.angle - a.angle || a.r - b.r);
  const spacing = rows === 1 ? 0.3 : (1 - inner) / (rows - 1);
  const arc = Math.min(...radii.map((r, i) => (counts[i] > 1 ? (Math.PI * r) / (counts[i] - 1) : 1)));
  // Small councils would get huge seats: a seat is never wider than a tenth of the radius.
  return {seats, dot: Math.min(spacing * 0.42, arc * 0.42, 0.1)};
}

// A hemicycle of a composition with a dashed majority line up the middle.
export function hemicycle(parties, composition, {title}) {
  const groups = seatGroups(parties, composition);
  const total = groups.reduce((a, g) => a + g.seats, 0);
  const majority = majorityOf(composition.total || total);
  const id = `chart-${++chartIds}`;
  const text = `${describeSeats(groups)}; ${total} seats, ${majority} for a majority`;
  const {seats, dot} = hemicycleSeats(total);
  const [w, r, cx, cy] = [220, 100, 110, 100 + 100 * dot + 2];
  const chart = svg('svg', {
    viewBox: `0 0 ${w} ${(cy + 12).toFixed(1)}`, role: 'img', class: 'hemicycle', 'aria-labelledby': `${id}-t ${id}-d`,
    'data-seats': describeSeats(groups),
  }, svg('title', {id: `${id}-t`}, title), svg('desc', {id: `${id}-d`}, text));
  let i = 0;
  for (const g of groups) {
    const party = svg('g', {class: 'seats', 'data-party': g.key});
    for (let k = 0; k < g.seats; k++, i++) {
      const s = seats[i];
      party.append(svg('circle', {
        cx: (cx + r * s.r * Math.cos(s.angle)).toFixed(2), cy: (cy - r * s.r * Math.sin(s.angle)).toFixed(2),
        r: (r * dot).toFixed(2), fill: g.colour, stroke: g.key === 'vacant' || g.key === 'to-declare' ? '#888' : 'none',
        'stroke-width': 0.6,
      }));
    }
    chart.append(party);
  }
  chart.append(svg('line', {x1: cx, y1: cy + 4, x2: cx, y2: 0, class: 'majority-line'}));
  chart.append(svg('text', {x: cx, y: cy + 10, 'text-anchor': 'middle', class: 'chart-note'}, `${majority} for a majority`));
  return chart;
}

// A horizontal bar of a composition with the majority marked: the compact form for lists.
export function seatBar(parties, composition, {title}) {
  const groups = seatGroups(parties, composition);
  const total = groups.reduce((a, g) => a + g.seats, 0) || 1;
  const majority = majorityOf(composition.total || total);
  const text = `${describeSeats(groups)}; ${majority} for a majority`;
  const chart = svg('svg', {viewBox: '0 0 100 8', preserveAspectRatio: 'none', role: 'img', class: 'seat-bar', 'aria-label': `${title}: ${text}`});
  let x = 0;
  for (const g of groups) {
    const width = (100 * g.seats) / total;
    chart.append(svg('rect', {x: x.toFixed(3), y: 0, width: width.toFixed(3), height: 8, fill: g.colour}));
    x += width;
  }
  const m = (100 * majority) / total;
  chart.append(svg('line', {x1: m, y1: 0, x2: m, y2: 8, class: 'majority-line', 'vector-effect': 'non-scaling-stroke'}));
  return chart;
}
