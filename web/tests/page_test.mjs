// page_test.mjs: the results page in a real browser (Debian's chromium, driven by playwright-core)
// against the real service.
//
// Starts `psephos serve` on a temporary results log with a small rehearsal night (three councils,
// names with markup in them), opens the page, POSTs declarations over HTTP and sees, without a
// reload: the scoreboard move, a council's label, its hemicycle change; opens a council page;
// uses the filters and the baseline switch; kills the service and restarts it on the same log
// and port, and sees the page reconnect and carry on. Screenshots of the main views at desktop
// and phone width go to SCREENSHOT_DIR (and to docs/screenshots with PSEPHOS_UPDATE_SCREENSHOTS=1).
//
// Usage: node web/tests/page_test.mjs PSEPHOS_BINARY SOURCE_DIR [SCREENSHOT_DIR]
// Exit 77 (skipped) when chromium or playwright-core is absent, unless CI=true (then it fails).

import {spawn} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {pathToFileURL} from 'node:url';

const SKIP = 77;
const [binary, sourceDir, shotArg] = process.argv.slice(2);
if (!binary || !sourceDir) {
  console.error('usage: page_test.mjs PSEPHOS_BINARY SOURCE_DIR [SCREENSHOT_DIR]');
  process.exit(1);
}
const chromiumPath = process.env.PSEPHOS_CHROMIUM || '/usr/bin/chromium';
const shotDir = shotArg || path.join(os.tmpdir(), 'psephos-page-screenshots');
const docsShots = process.env.PSEPHOS_UPDATE_SCREENSHOTS === '1' ? path.join(sourceDir, 'docs', 'screenshots') : null;

function skip(message) {
  if (process.env.CI === 'true') {
    console.error(`FAIL (CI=true, so not skipped): ${message}`);
    process.exit(1);
  }
  console.log(`SKIP: ${message}`);
  process.exit(SKIP);
}

function check(condition, message) {
  if (!condition) throw new Error(`FAIL: ${message}`);
  console.log(`ok: ${message}`);
}

if (!fs.existsSync(chromiumPath)) skip(`no chromium at ${chromiumPath} (scripts/setup installs Debian's chromium)`);
let chromium;
try {
  const entry = path.join(sourceDir, 'web', 'node_modules', 'playwright-core', 'index.mjs');
  ({chromium} = await import(pathToFileURL(entry).href));
} catch (e) {
  skip(`playwright-core is not installed in web/node_modules (scripts/setup runs npm ci): ${e.message}`);
}

// --- the night: three councils, one never declared ---------------------------------------------
const XSS = '<img src=x id=injected>';
const night = {
  election: {id: 'local.2018-05-03', name: 'Page test night', date: '2018-05-03', rehearsal: true},
  councils: [
    {
      id: 'riverside', name: 'Riverside & St <Mary>', type: 'london-borough', region: 'London', seats: 6,
      cycle: 'all-out', not_up: {}, vacant_not_up: 0,
      wards: [
        {id: 'north', name: 'North', defending: ['PP52', 'PP52'], last_won: ['PP52', 'PP52']},
        {id: 'south', name: 'South', defending: ['PP52', 'PP52'], last_won: ['PP52', 'PP53']},
        {id: 'east', name: 'East', defending: ['PP53', 'PP53'], last_won: ['PP53', 'PP53']},
      ],
    },
    {
      id: 'hilltown', name: 'Hilltown', type: 'metropolitan-borough', region: 'North West', seats: 9,
      cycle: 'thirds', not_up: {PP52: 3, PP53: 3}, vacant_not_up: 0,
      wards: [
        {id: 'upper', name: 'Upper', defending: ['PP52'], last_won: ['PP52']},
        {id: 'middle', name: 'Middle', defending: ['PP52'], last_won: ['PP52']},
        {id: 'lower', name: 'Lower', defending: ['PP53'], last_won: ['PP53']},
      ],
    },
    {
      id: 'lakeside', name: 'Lakeside', type: 'non-metropolitan-district', region: 'South East', seats: 3,
      cycle: 'all-out', not_up: {}, vacant_not_up: 0,
      wards: [{id: 'shore', name: 'Shore', defending: ['PP90', 'PP90', 'PP52'], last_won: ['PP90', 'PP90', 'PP52']}],
    },
  ],
  declarations: [],
};

function declaration(council, ward, seats, candidates) {
  const votes = candidates.reduce((a, c) => a + c[2], 0);
  return {
    council, ward, seats, electorate: 6000, ballot_papers: Math.ceil(votes / seats) + 40, rejected: 12,
    declared_at: '2018-05-04T02:00:00Z',
    candidates: candidates.map(([name, party, v]) => ({name, party, votes: v})),
  };
}

// --- the service ---------------------------------------------------------------------------------
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'psephos-page-'));
const nightFile = path.join(work, 'night.json');
fs.writeFileSync(nightFile, JSON.stringify(night));
const TOKEN = 'page-test-token-0123456789';
const tokensFile = path.join(work, 'tokens.txt');
fs.writeFileSync(tokensFile, `page-test ${TOKEN}\n`);
const logFile = path.join(work, 'night.db');

function serve(port) {
  const proc = spawn(binary, ['serve', '--night', nightFile, '--log', logFile, '--port', String(port), '--speed', '0',
    '--tokens', tokensFile, '--static', path.join(sourceDir, 'web', 'public')], {stdio: ['ignore', 'pipe', 'pipe']});
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start: ${stderr}`)), 30000);
    createInterface({input: proc.stdout}).on('line', (line) => {
      const m = /Serving on http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({proc, port: Number(m[1])});
      }
    });
    proc.on('exit', (code) => reject(new Error(`the service exited (${code}): ${stderr}`)));
  });
}

let server = await serve(0);
const base = () => `http://127.0.0.1:${server.port}`;

async function post(body) {
  const r = await fetch(`${base()}/api/declarations`, {
    method: 'POST', body: JSON.stringify(body),
    headers: {'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`},
  });
  const text = await r.text();
  if (r.status !== 201) throw new Error(`POST /api/declarations: ${r.status} ${text}`);
  return JSON.parse(text);
}

// --- the browser ---------------------------------------------------------------------------------
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'psephos-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath, headless: true, viewport: {width: 1280, height: 900},
  // Without the network flags chromium reaches for Google's hosts, which this network refuses.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
fs.mkdirSync(shotDir, {recursive: true});
if (docsShots) fs.mkdirSync(docsShots, {recursive: true});
async function shoot(page, name) {
  const file = path.join(shotDir, `${name}.png`);
  await page.screenshot({path: file, fullPage: true});
  if (docsShots) fs.copyFileSync(file, path.join(docsShots, `${name}.png`));
}

const problems = [];
function watch(page) {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // A killed service makes the stream's reconnects fail; anything else is a fault.
    if (m.type() === 'error' && !/ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|net::ERR_/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
}

// Waits until the element's text contains `text` (or matches a RegExp).
async function waitText(page, selector, text, timeout = 15000) {
  try {
    await page.waitForFunction(([sel, t, isRe]) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      return isRe ? new RegExp(t).test(el.textContent) : el.textContent.includes(t);
    }, [selector, text instanceof RegExp ? text.source : text, text instanceof RegExp], {timeout});
  } catch (e) {
    const now = await page.evaluate((sel) => document.querySelector(sel)?.textContent, selector);
    await page.screenshot({path: path.join(shotDir, 'failure.png'), fullPage: true}).catch(() => {});
    throw new Error(`FAIL: ${selector} never showed '${text}' (it shows '${now}')`);
  }
}

async function waitAttr(page, selector, attr, value, timeout = 15000) {
  try {
    await page.waitForFunction(([s, a, v]) => document.querySelector(s)?.getAttribute(a) === v, [selector, attr, value], {timeout});
  } catch (e) {
    const now = await page.evaluate(([s, a]) => document.querySelector(s)?.getAttribute(a), [selector, attr]);
    await page.screenshot({path: path.join(shotDir, 'failure.png'), fullPage: true}).catch(() => {});
    throw new Error(`FAIL: ${selector} [${attr}] never became '${value}' (it is '${now}')`);
  }
}

let failed = false;
try {
  const page = await context.newPage();
  watch(page);
  await page.goto(`${base()}/`);
  await waitText(page, '[data-testid=after]', 'After 0 of 3 councils');
  check(true, 'the page loads and shows the state of the parties: after 0 of 3 councils');
  await waitText(page, '#live-status', 'Live');
  check(await page.isVisible('#rehearsal'), 'the rehearsal night is marked as such');
  check((await page.title()).startsWith('[REHEARSAL]'), 'the title says rehearsal too');
  await waitText(page, '[data-council=riverside] .label', 'Riverside & St <Mary>: awaiting');
  check(await page.evaluate(() => !document.querySelector('mary') && !document.getElementById('injected')),
    'names with markup in them are shown as text, never parsed');
  const labourColour = await page.evaluate(async () => {
    const registry = await (await fetch('/api/parties/registry')).json();
    return registry.parties.find((p) => p.id === 'PP53').colour;
  });
  await page.evaluate(() => { window.__notReloaded = true; });

  // Riverside: Labour take North and South, so 4 of 6 seats: "Labour gain from Conservative".
  await post(declaration('riverside', 'north', 2, [['Ann Able', 'PP53', 1400], ['Bob Baker', 'PP53', 1350],
    ['Cat Cole', 'PP52', 1100], [XSS, 'PP52', 1050]]));
  await waitText(page, '[data-council=riverside] .label', 'Riverside & St <Mary>: 1 of 3 wards declared');
  await post(declaration('riverside', 'south', 2, [['Dee Dunn', 'PP53', 1500], ['Eve Ely', 'PP53', 1450],
    ['Fay Ford', 'PP52', 1200], ['Gus Gray', 'PP52', 1190], ['Hal Hunt', 'PP63', 300]]));
  await waitText(page, '[data-council=riverside] .label', 'Riverside & St <Mary>: Labour gain from Conservative');
  check(true, "a council's label changes live: 'Riverside & St <Mary>: Labour gain from Conservative'");
  await waitText(page, '[data-testid=after]', 'After 1 of 3 councils');
  await waitText(page, '#scoreboard tr[data-party=PP53]', /Labour\s*1\s*\+1\s*4\s*\+4/);
  check(true, 'the scoreboard moves live: Labour 1 council (+1), 4 seats (+4 in the wards declared)');
  await waitText(page, '#ticker', 'Riverside & St <Mary>: Labour gain from Conservative');
  check(true, 'the headline is in the ticker');
  const swatch = await page.evaluate(() =>
    getComputedStyle(document.querySelector('[data-council=riverside]')).getPropertyValue('--party').trim());
  check(swatch.toLowerCase() === labourColour.toLowerCase(), `the council is drawn in Labour's colour from the registry (${swatch})`);
  check(await page.evaluate(() => window.__notReloaded === true), 'all of it without a reload');
  await shoot(page, 'desktop-night');

  // The council page, opened from the list; its hemicycle changes as its last ward declares.
  await page.click('[data-council=riverside] a');
  await waitText(page, '#council-name', 'Riverside & St <Mary>');
  await waitAttr(page, '[data-testid=after] svg', 'data-seats', 'Lab 4, to declare 2');
  check(true, 'the council page shows the hemicycle after: Lab 4, to declare 2');
  check((await page.getAttribute('.compositions figure:first-child svg', 'data-seats')) === 'Con 4, Lab 2',
    'and before (eve of poll): Con 4, Lab 2');
  check((await page.textContent('[data-testid=after] svg desc')).includes('4 for a majority'), 'the hemicycle says the majority in its text alternative');
  const north = await page.textContent('[data-ward=north]');
  check(north.includes('Ann Able') && north.includes('1,400') && north.includes('Elected') && north.includes(XSS) &&
    north.includes('majority 250') && /turnout \d+\.\d%/.test(north), 'a ward shows candidates, votes, elected, majority and turnout');
  await post(declaration('riverside', 'east', 2, [['Ian Ince', 'PP52', 1300], ['Jo Judd', 'PP52', 1250],
    ['Kim Kerr', 'PP53', 1200], ['Lee Lowe', 'PP53', 1100]]));
  await waitAttr(page, '[data-testid=after] svg', 'data-seats', 'Lab 4, Con 2');
  check(true, 'the hemicycle changes live as the last ward declares: Lab 4, Con 2');
  await waitText(page, '[data-ward=east]', 'Ian Ince');
  // Riverside complete: Labour hold 4 of 6; losing 1 seat (North's or South's second) costs control.
  await waitText(page, '[data-testid=marginality]', 'Labour would have lost control by losing');
  check(true, "the council page says how close it was: 'Labour would have lost control by losing ... votes'");
  check(await page.evaluate(() => window.__notReloaded === true), 'still without a reload');
  await shoot(page, 'desktop-council');

  // Back, and the filters.
  await page.click('a.back');
  await waitText(page, '#closest', 'Riverside & St <Mary>');
  check(true, 'the closest councils of the night list Riverside once it is complete');
  await waitText(page, '[data-testid=shares]', 'Labour');
  check(/top candidate/i.test(await page.textContent('#analysis')), 'vote shares are shown, with the method said');
  await waitText(page, '[data-testid=after]', 'After 1 of 3 councils');
  await post(declaration('hilltown', 'upper', 1, [['Mo Mills', 'PP53', 900], ['Ned North', 'PP52', 800]]));
  await waitText(page, '[data-council=hilltown] .label', 'Hilltown: 1 of 3 wards declared');
  await page.selectOption('#f-region', 'North West');
  await waitText(page, '[data-testid=after]', 'region North West');
  await waitText(page, '[data-testid=after]', 'After 0 of 1 councils');
  check((await page.$$('li.council')).length === 1 && (await page.textContent('#council-list')).includes('Hilltown'),
    'the region filter narrows the scoreboard and the list to Hilltown');
  await page.selectOption('#f-region', '');
  await page.selectOption('#f-london', 'true');
  await waitText(page, '[data-testid=after]', 'After 1 of 1 councils (London');
  check((await page.$$('li.council')).length === 1, 'London only: one council');
  await page.selectOption('#f-london', '');
  await waitText(page, '#scoreboard tr[data-party=PP53]', /Labour\s*1\s*\+1\s*4\s*\+2/);
  await page.selectOption('#f-baseline', 'last-fought');
  await waitText(page, '[data-testid=baseline-note]', 'last');
  await waitText(page, '#scoreboard tr[data-party=PP53]', /Labour\s*1\s*\+1\s*4\s*\+1/);
  check(true, 'the baseline switch says which baseline and changes the figures (Labour seats +2 against the eve of poll, +1 against last fought)');
  await page.selectOption('#f-baseline', 'eve-of-poll');
  await page.fill('#search', 'lake');
  check((await page.$$('li.council')).length === 1 && (await page.textContent('#council-list')).includes('Lakeside: awaiting'),
    'the search box finds Lakeside, awaiting');
  await page.fill('#search', '');
  // Keyboard: the first council link is reachable with Tab.
  await page.focus('#search');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement?.closest('li.council') !== null), 'the council links are reachable by keyboard');

  // The service dies and comes back on the same log and port: the page reconnects and resumes.
  const port = server.port;
  server.proc.kill('SIGKILL');
  await new Promise((r) => server.proc.once('exit', r));
  await waitText(page, '#live-status', 'Reconnecting');
  server = await serve(port);
  await waitText(page, '#live-status', 'Live', 20000);
  await post(declaration('hilltown', 'middle', 1, [['Olu Oke', 'PP52', 950], ['Pat Page', 'PP53', 700]]));
  await waitText(page, '[data-council=hilltown] .label', 'Hilltown: 2 of 3 wards declared');
  check(await page.evaluate(() => window.__notReloaded === true), 'after a restart of the service the page reconnects and updates without a reload');

  // Phone width.
  const phone = await context.newPage();
  watch(phone);
  await phone.setViewportSize({width: 390, height: 844});
  await phone.goto(`${base()}/`);
  await waitText(phone, '[data-testid=after]', 'After 1 of 3 councils');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `at phone width nothing runs off the side (${overflow}px)`);
  await shoot(phone, 'phone-night');
  await phone.goto(`${base()}/#/council/riverside`);
  await waitAttr(phone, '[data-testid=after] svg', 'data-seats', 'Lab 4, Con 2');
  await shoot(phone, 'phone-council');

  // The static files themselves: a traversal is refused.
  // Sent as written (fetch would normalise the dots away): the page folder is web/public, so
  // each of these would reach the project's README.md if traversal worked.
  for (const target of ['/../../README.md', '/%2e%2e/%2e%2e/README.md', '/..%2f..%2fREADME.md', '/js/../../../README.md']) {
    const status = await new Promise((resolve, reject) => {
      http.get({host: '127.0.0.1', port: server.port, path: target}, (r) => { r.resume(); resolve(r.statusCode); }).on('error', reject);
    });
    check(status === 404, `GET ${target}: 404`);
  }
  check(problems.length === 0, `no script errors or refused content in the page${problems.length ? `: ${problems.join('; ')}` : ''}`);
  console.log(`screenshots in ${shotDir}${docsShots ? ` and ${docsShots}` : ''}`);
} catch (e) {
  failed = true;
  console.error(e.message);
  if (problems.length) console.error(`page problems: ${problems.join('; ')}`);
} finally {
  await context.close();
  server.proc.kill('SIGTERM');
  fs.rmSync(work, {recursive: true, force: true});
  fs.rmSync(profile, {recursive: true, force: true});
}
process.exit(failed ? 1 : 0);
