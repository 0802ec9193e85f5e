// app.js: the results page. Routes on the URL's fragment ("#/" the night, "#/council/<id>" a
// council), fetches the views it shows from the API and fetches them again when the live
// stream says the night has moved on, so the page never needs a reload.

import {getJson, query, follow} from './api.js';
import {h, fill} from './dom.js';
import {Parties} from './parties.js';
import {BASELINES, COUNCIL_TYPES, scoreboard, councilList, councilPage, ticker, closestList, marginalitySection, analysisPanel} from './views.js';

const state = {
  parties: null,
  night: null,
  board: null,
  councils: [],
  headlines: [],
  council: null,
  marginality: null,
  closest: [],
  baseline: 'eve-of-poll',
  filter: {london: '', region: '', type: ''},
  search: '',
};

const $ = (id) => document.getElementById(id);

function route() {
  const match = /^#\/council\/(.+)$/.exec(location.hash);
  return match ? {name: 'council', id: decodeURIComponent(match[1])} : {name: 'night'};
}

// The filter as the API reads it, and the same rule (CouncilFilter::Matches) for the list.
function filterQuery() {
  return {london: state.filter.london, region: state.filter.region, type: state.filter.type};
}

function matches(council) {
  const f = state.filter;
  if (f.london === 'true' && council.type !== 'london-borough') return false;
  if (f.region && council.region.toLowerCase() !== f.region.toLowerCase()) return false;
  if (f.type && council.type !== f.type) return false;
  const search = state.search.trim().toLowerCase();
  return !search || council.name.toLowerCase().includes(search) || council.id.includes(search);
}

// Everything the current view shows, fetched together so that one render shows one moment.
async function load() {
  const r = route();
  const filtered = query({...filterQuery(), baseline: state.baseline});
  const [night, board, councils, headlines, council, closest, shares] = await Promise.all([
    getJson('/api/night'),
    getJson(`/api/parties${filtered}`),
    getJson('/api/councils'),
    getJson(`/api/headlines${filtered}`),
    r.name === 'council' ? getJson(`/api/councils/${encodeURIComponent(r.id)}`).catch(() => null) : null,
    getJson('/api/closest?limit=5'),
    getJson(`/api/shares${query(filterQuery())}`),
  ]);
  // Projections only where the service was given what they rest on (it says so in /api/night).
  const pns = night.analysis?.pns ? await getJson('/api/pns').catch(() => null) : null;
  const commons = night.analysis?.commons && pns ? await getJson('/api/commons').catch(() => null) : null;
  // Marginality needs a declared ward (the service answers 404 before the first).
  const marginality = council && council.wards_declared > 0
    ? await getJson(`/api/councils/${encodeURIComponent(council.id)}/marginality`).catch(() => null) : null;
  Object.assign(state, {night, board, councils: councils.councils, headlines: headlines.headlines, council,
    closest: closest.closest, marginality, shares, pns, commons});
  render();
}

// A burst of deltas (a replay declares many a second) becomes one fetch.
let timer = null;
let loading = null;
function refresh(delay = 200) {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    if (loading) return refresh(delay);
    loading = load().catch((e) => setStatus('error', e.message)).finally(() => { loading = null; });
  }, delay);
}

function setStatus(status, detail = '') {
  const el = $('live-status');
  el.dataset.status = status;
  el.textContent = {live: 'Live', reconnecting: 'Reconnecting…', error: `Error: ${detail}`, connecting: 'Connecting…'}[status] || status;
}

function renderHeader() {
  const n = state.night;
  fill($('election-name'), n.name || n.election);
  $('rehearsal').hidden = !n.rehearsal;
  document.body.classList.toggle('is-rehearsal', Boolean(n.rehearsal));
  const where = state.council ? `${state.council.name} · ` : '';
  document.title = `${n.rehearsal ? '[REHEARSAL] ' : ''}${where}Psephos: ${n.name || n.election}`;
}

// Controls are built once, so that typing in the search box is never interrupted by an update.
function buildControls() {
  const regions = [...new Set(state.councils.map((c) => c.region).filter(Boolean))].sort();
  const select = (id, label, options, value, onchange) => h('label', {for: id}, label,
    h('select', {id, onchange}, options.map(([v, text]) => h('option', {value: v, selected: v === value}, text))));
  const onFilter = (key) => (e) => { state.filter[key] = e.target.value; refresh(0); };
  fill($('controls'),
    select('f-london', 'Councils', [['', 'All'], ['true', 'London only']], state.filter.london, onFilter('london')),
    select('f-region', 'Region', [['', 'All regions'], ...regions.map((r) => [r, r])], state.filter.region, onFilter('region')),
    select('f-type', 'Type', [['', 'All types'], ...Object.entries(COUNCIL_TYPES)], state.filter.type, onFilter('type')),
    select('f-baseline', 'Change against', Object.entries(BASELINES), state.baseline,
      (e) => { state.baseline = e.target.value; refresh(0); }));
  $('controls').dataset.built = 'true';
}

function renderNight() {
  if (!$('controls').dataset.built) buildControls();
  fill($('scoreboard'), scoreboard(state.parties, state.board));
  const shown = state.councils.filter(matches);
  fill($('council-count'), `${shown.length} of ${state.councils.length} councils`);
  fill($('council-list'), councilList(state.parties, shown, state.baseline));
}

function render() {
  renderHeader();
  fill($('ticker'), ticker(state.headlines));
  fill($('closest'), closestList(state.parties, state.closest));
  fill($('analysis'), ...analysisPanel(state.parties, state.shares, state.pns, state.commons));
  fill($('ticker-note'), `In the order councils were decided; change against ${BASELINES[state.baseline]}.`);
  const r = route();
  $('night-view').hidden = r.name !== 'night';
  $('council-view').hidden = r.name !== 'council';
  if (r.name === 'night') renderNight();
  else if (state.council) {
    fill($('council-view'), councilPage(state.parties, state.council, state.baseline));
    if (state.marginality) $('council-view').querySelector('article').append(marginalitySection(state.parties, state.marginality));
  }
  else fill($('council-view'), h('p', {}, `No council '${r.id}'. `, h('a', {href: '#/'}, 'All councils')));
}

async function start() {
  setStatus('connecting');
  state.parties = await Parties.load(getJson);
  $('search').addEventListener('input', (e) => {
    state.search = e.target.value;
    if (state.night) renderNight();
  });
  window.addEventListener('hashchange', () => {
    state.council = null;
    load().then(() => {
      const target = route().name === 'council' ? $('council-name') : $('main');
      target?.focus({preventScroll: false});
    }).catch((e) => setStatus('error', e.message));
  });
  await load();
  follow({onDelta: () => refresh(), onRefresh: () => refresh(0), onStatus: setStatus});
}

start().catch((e) => setStatus('error', e.message));
