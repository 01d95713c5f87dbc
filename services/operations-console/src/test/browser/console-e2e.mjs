// The operations console in a real browser (Debian's chromium, driven by playwright-core), against the running
// platform that PlatformConsoleIT started: a person logs in at the platform's identity provider, sees the KPIs drawn,
// follows the sample order's journey through SHIPPED, follows its lot to the genealogy, a viewer is refused a replay,
// an operator replays a dead letter and sees it leave the list and the audit name them. Screenshots of each page go
// to SCREENSHOTS. Any console error or failed page load fails the run. Prints one line per check; exits 1 on the
// first failure with the reason.
//
// Environment: CONSOLE_URL, OPERATOR_PASSWORD, VIEWER_PASSWORD, CRM_ORDER_ID, LOT, DEAD_LETTER_SERVICE,
// DEAD_LETTER_ID, PLANT (the edge gateway's plant), SCREENSHOTS (directory), CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const env = (name) => {
  const value = process.env[name];
  if (!value) { throw new Error(`${name} is not set`); }
  return value;
};
const consoleUrl = env('CONSOLE_URL');
const screenshots = env('SCREENSHOTS');
mkdirSync(screenshots, { recursive: true });
const crmOrderId = env('CRM_ORDER_ID');
const lot = env('LOT');
const letterService = env('DEAD_LETTER_SERVICE');
const letterId = env('DEAD_LETTER_ID');
const problems = [];

function check(condition, what) {
  if (!condition) { throw new Error(`FAILED: ${what}`); }
  console.log(`ok - ${what}`);
}

async function newPerson(browser, label) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') { problems.push(`${label}: console error on ${page.url()}: ${message.text()}`); }
  });
  page.on('pageerror', (error) => problems.push(`${label}: script error on ${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // a navigation replaced by the next one is not a failure of the page
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
      problems.push(`${label}: request failed ${request.url()}: ${request.failure()?.errorText}`);
    }
  });
  return { context, page };
}

async function logIn(page, user, password) {
  await page.goto(consoleUrl + '/');
  await page.waitForSelector('#username', { timeout: 30000 });
  check(page.url().includes('/realms/millwright/'), `${user}: the console sends a person to the platform's login page`);
  await page.fill('#username', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL((url) => url.toString().startsWith(consoleUrl), { timeout: 30000 }), page.click('#kc-login')]);
  await page.waitForSelector('main h1');
  check((await page.textContent('header .who')).includes(user), `${user}: logged in, the console shows who`);
}

async function fitsTheScreen(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `${what} fits a 1366 px laptop screen without scrolling sideways (overflow ${overflow} px)`);
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});
let failed = null;
try {
  // ---- the operator ----
  const operator = await newPerson(browser, 'operator');
  const page = operator.page;
  await logIn(page, 'operator', env('OPERATOR_PASSWORD'));

  // Overview: the business KPIs, each drawn as a plot over time, and the alerts
  check(await page.textContent('h1') === 'Business transaction health', 'the overview opens after the login');
  const kpis = await page.$$eval('article.kpi', (articles) => articles.map((a) => a.getAttribute('data-kpi')));
  check(kpis.includes('Orders waiting for ERP confirmation') && kpis.includes('Dead letters per service') && kpis.includes('Plant link up'),
    `the overview has the business KPIs (${kpis.length}: ${kpis.join('; ')})`);
  const plotted = await page.$$eval('svg.spark polyline', (lines) => lines.filter((l) => (l.getAttribute('points') || '').split(' ').length >= 2).length);
  check(plotted >= 5, `KPIs are drawn as plots over time (${plotted} series with at least two points)`);
  const values = await page.$$eval('li.series .value', (v) => v.map((e) => e.textContent.trim()));
  check(values.length >= 5 && values.every((v) => v.length > 0), `every series shows its current value (${values.slice(0, 8).join(', ')} ...)`);
  check(await page.$('#alerts-h') !== null, 'the overview has the alerts section');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.classList.contains('skip')), 'the first Tab reaches "Skip to content"');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.textContent.trim()) === 'Overview', 'the next Tab reaches the navigation');
  await fitsTheScreen(page, 'the overview');
  await shot(page, '1-overview');

  // Journey: the sample order by its CRM id, every step through SHIPPED across the systems
  await page.click('nav >> text=Journey');
  await page.waitForSelector('#id');
  await page.selectOption('#kind', 'auto');
  await page.fill('#id', crmOrderId);
  const started = Date.now();
  await Promise.all([page.waitForURL(/\/journey\?/), page.press('#id', 'Enter')]);
  await page.waitForSelector('table#journey');
  const loaded = Date.now() - started;
  const steps = await page.$$eval('table#journey tbody tr', (rows) => rows.map((r) => r.getAttribute('data-step')));
  const systems = new Set(await page.$$eval('table#journey .system', (s) => s.map((e) => e.textContent.trim())));
  const summary = await page.textContent('p.summary');
  console.log(`journey of ${crmOrderId}: ${steps.length} steps in the browser in ${loaded} ms; ${summary.replace(/\s+/g, ' ').trim()}`);
  for (const step of ['ACCEPTED', 'CONFIRMED_BY_ERP', 'RELEASED', 'DISPATCHED', 'ACKNOWLEDGED', 'CONFIRMATION_POSTED', 'PRODUCTION_ISSUE',
    'PRODUCTION_RECEIPT', 'MOVEMENT_POSTED', 'QUALITY_RESULT', 'QUALITY_HOLD_PLACED', 'QUALITY_HOLD_RELEASED', 'AT_RISK', 'CRM_NOTIFIED',
    'READY_TO_SHIP', 'SHIPPED']) {
    check(steps.includes(step), `the journey has the step ${step}`);
  }
  check(steps.indexOf('SHIPPED') > steps.indexOf('READY_TO_SHIP') && steps.indexOf('READY_TO_SHIP') > steps.indexOf('ACCEPTED'),
    'the journey is in time order: accepted ... ready to ship ... shipped');
  for (const system of ['CRM', 'ERP', 'MES', 'WMS', 'QMS', 'Millwright']) {
    check(systems.has(system), `the journey shows steps of ${system}`);
  }
  check(await page.$$eval('table#journey td.ids', (cells) => cells.some((c) => /[0-9a-f]{32}/.test(c.textContent))),
    'steps carry their trace ids');
  check(await page.$(`a[href="/lots?lot=${lot}"]`) !== null, `the journey links to the genealogy of lot ${lot}`);
  await fitsTheScreen(page, 'the journey');
  await shot(page, '2-journey', false);
  // the same journey again, the services warm: what an operator waits for on the second look
  const again = Date.now();
  await page.reload();
  await page.waitForSelector('table#journey');
  console.log(`journey of ${crmOrderId} again: ${Date.now() - again} ms in the browser; ${(await page.textContent('p.summary .hint')).trim()} in the console`);

  // Lot genealogy, both ways, reached from the journey
  await Promise.all([page.waitForURL(/\/lots\?lot=/), page.click(`a[href="/lots?lot=${lot}"] >> nth=0`)]);
  await page.waitForSelector('#made-from');
  const madeFrom = await page.$$eval('#made-from tbody tr', (rows) => rows.map((r) => r.textContent.replace(/\s+/g, ' ').trim()));
  check(madeFrom.length >= 2 && madeFrom[0].includes(lot), `lot ${lot} is made from ${madeFrom.length - 1} component lot(s): ${madeFrom.slice(1).join(' | ')}`);
  check(await page.$('#used-in') !== null, 'the genealogy shows what the lot went into as well');
  await fitsTheScreen(page, 'the lot genealogy');
  await shot(page, '3-lot-genealogy');

  // ---- the viewer: sees the dead letter, may not replay it ----
  const viewer = await newPerson(browser, 'viewer');
  await logIn(viewer.page, 'viewer', env('VIEWER_PASSWORD'));
  await viewer.page.goto(`${consoleUrl}/dead-letters?status=NEW`);
  const viewerRow = `tr[data-id="${letterId}"]`;
  await viewer.page.waitForSelector(viewerRow);
  check(await viewer.page.$eval(`${viewerRow} button.replay`, (b) => b.disabled), 'a viewer sees the dead letter with Replay disabled');
  // the form sent anyway (as a crafted request would be): refused with a page that says why
  await viewer.page.$eval(`${viewerRow} button.replay`, (b) => { b.disabled = false; });
  const [refused] = await Promise.all([viewer.page.waitForNavigation(), viewer.page.click(`${viewerRow} button.replay`)]);
  check(refused.status() === 403, `the console refuses the viewer's replay (HTTP ${refused.status()})`);
  check((await viewer.page.textContent('p.problem')).includes('operator role'), 'the refusal says the operator role is needed');
  await shot(viewer.page, '6-viewer-refused');
  // the browser logs the refused navigation's 403 as a console error: that one is the expected outcome
  for (let i = problems.length - 1; i >= 0; i--) {
    if (problems[i].startsWith('viewer: console error') && problems[i].includes('403')) { problems.splice(i, 1); }
  }
  await viewer.context.close();

  // ---- the operator works the dead letter ----
  await page.click('nav >> text=Dead letters');
  await page.waitForSelector('#dead-letters, #no-dead-letters');
  await page.selectOption('#status', 'NEW');
  await Promise.all([page.waitForURL(/status=NEW/), page.click('form.search button')]);
  const row = `tr[data-id="${letterId}"]`;
  await page.waitForSelector(row);
  check((await page.textContent(`${row} td.reason`)).includes('BUS-PERIOD-CLOSED'), 'the dead letter shows its reason');
  await fitsTheScreen(page, 'the dead letters');
  await shot(page, '4-dead-letters');
  await Promise.all([page.waitForURL(new RegExp(`/dead-letters/${letterService}/${letterId}$`)), page.click(`${row} >> text=Inspect`)]);
  const detail = await page.textContent('#detail');
  // an edge gateway's dead letter is replayed through the console with the operator's token: the gateway itself
  // answers (here: no such letter), it does not refuse the console
  const edgeAnswer = await page.evaluate(async ({ plant }) => {
    const field = document.querySelector('form[method="post"] input[type="hidden"]');
    const response = await fetch(`/dead-letters/edge:${plant}/999999/replay`, {
      method: 'POST', body: new URLSearchParams({ [field.name]: field.value }) });
    return { status: response.status, text: await response.text() };
  }, { plant: env('PLANT') });
  check(edgeAnswer.status === 404 && edgeAnswer.text.includes('No dead letter 999999 in the edge journal'),
    `the console forwards an edge replay with the operator's token and shows the gateway's answer (HTTP ${edgeAnswer.status})`);
  check(detail.includes('"payload"') && detail.includes('LABOUR'), 'inspecting shows the payload as the MES sent it');
  await shot(page, '5-dead-letter');
  await page.goBack();
  await page.waitForSelector(row);
  await Promise.all([page.waitForURL(/done=/), page.click(`${row} button.replay`)]);
  check((await page.textContent('#done')).includes(`Replayed ${letterId}`), 'the console confirms the replay');
  check(await page.$(row) === null, 'the replayed dead letter has left the list of open ones');
  const audit = await page.$$eval('#audit tbody tr', (rows) => rows.map((r) => r.textContent.replace(/\s+/g, ' ').trim()));
  check(audit.some((a) => a.includes('operator') && a.includes('DEAD_LETTER_REPLAY') && a.includes(letterId)),
    `the audit shows who replayed it: ${audit.find((a) => a.includes(letterId))}`);
  await shot(page, '4-dead-letters-after-replay');

  // Edge plants
  await page.click('nav >> text=Edge plants');
  await page.waitForSelector('section.plant');
  check((await page.textContent('section.plant .link-state')).startsWith('up'), 'the plant\'s link to the cloud is up');
  check(await page.$$eval('section.plant table.connections tbody tr', (r) => r.length) >= 1, 'the plant lists its PLC connections with their state');
  await fitsTheScreen(page, 'the edge plants');
  await shot(page, '7-edge-plants');

  // Bad input: a clear error, never a server error
  const bad = await page.goto(`${consoleUrl}/journey?kind=lot&id=${encodeURIComponent('LOT\u0000X')}`);
  check(bad.status() === 422 && (await page.textContent('.field-error')).includes('Control characters'),
    `a journey search with a NUL character is answered 422 with the field's error (HTTP ${bad.status()})`);
  const long = await page.goto(`${consoleUrl}/journey?kind=order&id=${'X'.repeat(201)}`);
  check(long.status() === 422, `a 201-character id is answered 422 (HTTP ${long.status()})`);
  const kind = await page.goto(`${consoleUrl}/journey?kind=invoice&id=1`);
  check(kind.status() === 422 && (await page.textContent('.field-error')).startsWith('kind'), `an unknown kind is answered 422 naming the field (HTTP ${kind.status()})`);
  const source = await page.goto(`${consoleUrl}/dead-letters/no-such-service/${letterId}`);
  check(source.status() === 404, `a dead letter of an unknown source is answered 404 (HTTP ${source.status()})`);
  const id = await page.goto(`${consoleUrl}/dead-letters/${letterService}/not-a-uuid`);
  check(id.status() === 404, `a dead letter id that is no id is answered 404 (HTTP ${id.status()})`);
  const filter = await page.goto(`${consoleUrl}/dead-letters?status=LOST`);
  check(filter.status() === 422, `an unknown status filter is answered 422 (HTTP ${filter.status()})`);
  // the browser logs each of these refusals as a console error: they are the expected answers
  for (let i = problems.length - 1; i >= 0; i--) {
    if (problems[i].startsWith('operator: console error') && /\b(422|404)\b/.test(problems[i])) { problems.splice(i, 1); }
  }
  await operator.context.close();
  check(problems.length === 0, `no console errors, script errors or failed requests${problems.length ? ': ' + problems.join('; ') : ''}`);
} catch (error) {
  failed = error;
} finally {
  await browser.close();
}
if (failed) {
  console.error(failed.stack || String(failed));
  if (problems.length) { console.error('also seen: ' + problems.join('; ')); }
  process.exit(1);
}
console.log('all console checks passed');
