// views.js: the page's views as functions from the API's JSON (docs/API.md) to DOM nodes.
// Each builds its nodes afresh; app.js decides when and where they go.

import {h, signed, plural} from './dom.js';
import {hemicycle, seatBar} from './charts.js';
import {NOC} from './parties.js';

export const COUNCIL_TYPES = {
  'london-borough': 'London borough',
  'metropolitan-borough': 'Metropolitan borough',
  'non-metropolitan-district': 'District',
  'unitary': 'Unitary',
};

export const BASELINES = {
  'eve-of-poll': 'the eve of poll',
  'last-fought': 'the last time the seats were fought',
};

// Colours come from the registry at run time, so they are set through the CSSOM (allowed by the
// page's Content-Security-Policy), not written into markup.
function paint(el, parties, key) {
  el.style.setProperty('--party', parties.colour(key));
  el.style.setProperty('--ink', parties.ink(key));
  return el;
}

// A small square of a party's colour beside its name (the name carries the meaning).
function dot(parties, key) {
  return paint(h('span', {class: 'swatch', 'aria-hidden': 'true'}), parties, key);
}

function partyCell(parties, key, name) {
  return h('th', {scope: 'row'}, dot(parties, key), ' ', name || parties.name(key));
}

// The state of the parties: "after N of M councils", per party councils and seats with change.
export function scoreboard(parties, board) {
  const rows = board.parties.map((p) =>
    h('tr', {dataset: {party: p.party}},
      partyCell(parties, p.party, p.name),
      h('td', {}, p.councils), h('td', {class: 'change'}, signed(p.councils_change)),
      h('td', {}, p.seats), h('td', {class: 'change'}, signed(p.seats_change))));
  rows.push(h('tr', {dataset: {party: NOC}, class: 'noc'},
    partyCell(parties, NOC, 'No overall control'),
    h('td', {}, board.noc.councils), h('td', {class: 'change'}, signed(board.noc.councils_change)),
    h('td', {}, ''), h('td', {}, '')));
  return h('div', {class: 'scoreboard'},
    h('p', {class: 'after', 'data-testid': 'after'},
      `After ${board.councils_settled} of ${board.councils_total} councils`,
      h('span', {class: 'muted'}, ` (${board.filter}; ${plural(board.wards_declared, 'ward')} of ${board.wards_total.toLocaleString('en-GB')} declared)`)),
    h('div', {class: 'table-wrap'},
      h('table', {},
        h('caption', {}, `Councils controlled and seats won, with change against ${BASELINES[board.baseline] || board.baseline}`),
        h('thead', {}, h('tr', {},
          h('th', {scope: 'col'}, 'Party'), h('th', {scope: 'col'}, 'Councils'), h('th', {scope: 'col'}, '+/-'),
          h('th', {scope: 'col'}, 'Seats'), h('th', {scope: 'col'}, '+/-'))),
        h('tbody', {}, rows))),
    h('p', {class: 'baseline-note', 'data-testid': 'baseline-note'}, `Changes are ${board.baseline_description}.`));
}

// "Plymouth: Labour gain from NOC", or where it stands while it counts.
export function councilLine(council, baseline) {
  const headline = council.headline?.[baseline];
  if (headline) return headline;
  if (!council.wards_declared) return `${council.name}: awaiting`;
  return `${council.name}: ${council.wards_declared} of ${plural(council.wards_total, 'ward')} declared`;
}

function councilState(council) {
  if (council.control !== 'pending') return 'decided';
  return council.wards_declared ? 'counting' : 'awaiting';
}

function controlKey(council) {
  return council.control === 'pending' ? 'pending' : council.control;
}

export function councilList(parties, councils, baseline) {
  if (!councils.length) return h('p', {class: 'muted'}, 'No council matches.');
  return h('ul', {class: 'councils'}, councils.map((c) => {
    const key = controlKey(c);
    const item = h('li', {class: `council ${councilState(c)}`, dataset: {council: c.id, state: councilState(c)}},
      h('a', {href: `#/council/${encodeURIComponent(c.id)}`},
        dot(parties, key === 'pending' ? '' : key),
        h('span', {class: 'label'}, councilLine(c, baseline))),
      seatBar(parties, c.composition.after, {title: `${c.name} seats`}));
    return key === 'pending' ? item : paint(item, parties, key);
  }));
}

export function ticker(headlines) {
  if (!headlines.length) return h('p', {class: 'muted'}, 'No council decided yet.');
  // Newest first; the numbers keep the order councils were decided in.
  return h('ol', {reversed: true, class: 'ticker'}, headlines.slice().reverse().map((line) => h('li', {}, line)));
}

function wardTable(parties, ward) {
  const candidates = ward.candidates.slice().sort((a, b) => b.votes - a.votes);
  const facts = [];
  if (ward.status !== 'contested') facts.push(ward.status);
  if (ward.majority != null) facts.push(`majority ${ward.majority.toLocaleString('en-GB')}`);
  if (ward.turnout != null) facts.push(`turnout ${(ward.turnout * 100).toFixed(1)}%`);
  if (ward.unresolved_tie) facts.push('a tie: seats to be decided by lot');
  if (ward.decided_by_lot) facts.push('last seat decided by lot');
  return [
    h('div', {class: 'table-wrap'}, h('table', {class: 'candidates'},
      h('caption', {class: 'visually-hidden'}, `${ward.name}: candidates and votes`),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Candidate'), h('th', {scope: 'col'}, 'Party'),
        h('th', {scope: 'col'}, 'Votes'), h('th', {scope: 'col'}, 'Elected'))),
      h('tbody', {}, candidates.map((c) => h('tr', {class: c.elected ? 'elected' : null},
        h('td', {}, c.name),
        h('td', {}, dot(parties, c.party), ' ', c.party_name),
        h('td', {}, c.votes.toLocaleString('en-GB')),
        h('td', {}, c.elected ? 'Elected' : c.tied ? 'Tied' : '')))))),
    h('p', {class: 'ward-facts'}, facts.join(' · ')),
  ];
}

export function councilPage(parties, c, baseline) {
  const key = controlKey(c);
  const before = c.composition[baseline];
  const changeRows = Object.entries(c.seat_change?.[baseline] || {}).filter(([, n]) => n !== 0).sort((a, b) => b[1] - a[1]);
  const declared = c.wards.filter((w) => w.declared).length;
  return h('article', {class: 'council-page', dataset: {council: c.id}},
    h('p', {}, h('a', {href: '#/', class: 'back'}, '← All councils')),
    h('h2', {id: 'council-name', tabindex: '-1'}, c.name),
    h('p', {class: 'muted'}, [COUNCIL_TYPES[c.type] || c.type, c.region, `${c.seats} seats`, `elected by ${c.cycle}`,
      `${c.seats_up} up this time`].filter(Boolean).join(' · ')),
    paint(h('p', {class: 'headline', 'data-testid': 'council-headline'},
      dot(parties, key === 'pending' ? '' : key), ' ', councilLine(c, baseline)), parties, key),
    h('p', {}, `Wards declared: ${c.wards_declared} of ${c.wards_total}`),
    h('div', {class: 'compositions'},
      c.has_baseline ? h('figure', {},
        hemicycle(parties, before, {title: `${c.name} before: ${BASELINES[baseline]}`}),
        h('figcaption', {}, `Before (${BASELINES[baseline]})`)) : null,
      h('figure', {'data-testid': 'after'},
        hemicycle(parties, c.composition.after, {title: `${c.name} after the election`}),
        h('figcaption', {}, 'After'))),
    c.has_baseline ? h('section', {'aria-labelledby': 'change-h'},
      h('h3', {id: 'change-h'}, `Seat change against ${BASELINES[baseline]}`),
      changeRows.length
        ? h('ul', {class: 'changes'}, changeRows.map(([group, n]) =>
          h('li', {}, dot(parties, group), ` ${parties.name(group)} ${signed(n)}`)))
        : h('p', {class: 'muted'}, 'No change yet.')) : null,
    h('section', {'aria-labelledby': 'wards-h'},
      h('h3', {id: 'wards-h'}, `Wards (${declared} of ${c.wards.length} declared)`),
      c.wards.map((w) => h('section', {class: 'ward', dataset: {ward: w.id}},
        h('h4', {}, `${w.name} (${plural(w.seats, 'seat')})`),
        w.declared ? wardTable(parties, w) : h('p', {class: 'muted'}, 'Awaiting declaration')))));
}

// "Bedford 180 (1 seat), Earlsfield 281 (1 seat)": where the votes would have had to be.
function wardTargets(margin) {
  return (margin.wards || []).map((w) => `${w.name} ${w.votes.toLocaleString('en-GB')} (${plural(w.seats, 'seat')})`).join(', ');
}

function marginLine(parties, name, margin) {
  const verb = margin.goal === 'win-control' ? 'would have won control with' : 'would have lost control by losing';
  const kind = margin.kind === 'switched' ? 'votes switched' : 'votes';
  return `${name} ${verb} ${margin.votes.toLocaleString('en-GB')} ${kind} in ${plural(margin.wards.length, 'ward')}: ${wardTargets(margin)}`;
}

// The closest councils of the night: fewest votes that would have changed control.
export function closestList(parties, closest) {
  if (!closest.length) return h('p', {class: 'muted'}, 'No council complete yet.');
  return h('ol', {class: 'closest'}, closest.map((c) => h('li', {},
    h('a', {href: `#/council/${encodeURIComponent(c.council)}`}, c.name), ': ',
    dot(parties, c.party), ' ', marginLine(parties, c.party_name, c.margin))));
}

// A council's marginality (exact; docs/ANALYSIS.md): per party, the fewest extra votes (and
// votes switched from another party) that would have given it control, or cost it control.
export function marginalitySection(parties, m) {
  const lines = [];
  for (const p of m.parties) {
    for (const margin of [p.extra_votes, p.switched_votes]) {
      if (margin.possible) lines.push(h('li', {}, dot(parties, p.party), ' ', marginLine(parties, p.name, margin)));
    }
    if (!p.extra_votes.possible && p.seats > 0) lines.push(h('li', {class: 'muted'}, `${p.name}: ${p.extra_votes.why_not}`));
  }
  return h('section', {'aria-labelledby': 'margin-h', 'data-testid': 'marginality'},
    h('h3', {id: 'margin-h'}, 'How close'),
    h('p', {class: 'muted'}, m.complete ? 'One extra supporter adds a vote to each of a party\'s candidates in a ward.'
      : 'Not all wards are declared: only the declared seats count.'),
    lines.length ? h('ul', {class: 'margins'}, lines) : h('p', {class: 'muted'}, 'Nothing to show yet.'));
}

const pct = (x) => `${x.toFixed(1)}%`;

// Vote shares so far (the method said), and, when the service has them, the projected national
// share and what it would mean for the Commons.
export function analysisPanel(parties, shares, pns, commons) {
  const out = [];
  out.push(h('h3', {}, 'Vote share'),
    h('p', {class: 'muted'}, `${shares.method_description}; ${plural(shares.wards, 'contested ward')} declared`),
    shares.parties.length
      ? h('ul', {class: 'shares', 'data-testid': 'shares'}, shares.parties.slice(0, 6).map((p) =>
        h('li', {}, dot(parties, p.party), ` ${p.name} ${pct(p.share)}`)))
      : h('p', {class: 'muted'}, 'No contested ward declared yet.'));
  if (pns) {
    out.push(h('h3', {}, 'Projected national share'),
      h('p', {class: 'muted'}, `From ${plural(pns.wards, 'ward')} comparable with last time (docs/PNS.md)`),
      h('ul', {class: 'shares'}, pns.parties.map((p) => h('li', {}, dot(parties, p.party), ` ${p.name} ${pct(p.share)} (${signed(Math.round(p.change * 10) / 10)})`))));
  }
  if (commons) {
    const line = commons.hung ? 'Hung parliament' : `${parties.name(commons.majority)} majority`;
    out.push(h('h3', {}, 'In the Commons'),
      h('p', {}, `${line}: ${commons.seats.slice(0, 4).map((s) => `${s.name} ${s.seats}`).join(', ')} (${commons.majority_line} for a majority)`),
      commons.simulation ? h('p', {class: 'muted'}, commons.simulation.outcomes.slice(0, 3)
        .map((o) => `${o.outcome} ${Math.round(o.probability * 100)}%`).join(' · ')) : null);
  }
  return out;
}
