// The end-to-end harness: the real bot, the Microsoft 365 Agents Playground (which emulates Teams) and
// Debian's Chromium driven by playwright-core. It builds nothing: scripts/e2e.sh builds the bot first.
//
//   const stack = await startStack();            // bot on a free port, waits for /healthz
//   const chat = await stack.openChat(t, DESKTOP);  // its own Playground + fresh browser profile
//   await chat.sendText('hello');
//   await chat.waitForBotMessage({ after: 1 });
//   await stack.stop();
//
// Everything started here runs in its own process group and is killed on stop, on failure and on exit.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const artifactsDir = path.join(here, 'artifacts');

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Desktop Teams-like window. */
export const DESKTOP = Object.freeze({ name: 'desktop', viewport: { width: 1280, height: 900 }, isMobile: false });

/**
 * Phone width. The Playground is not responsive below about 800 px (its chat column has min-width 600 px),
 * so the page is laid out 801 px wide and the phone shows its left part: the Send button lies outside the
 * visible area (we send with Enter) and screenshots are full-page so the whole layout is kept.
 */
export const PHONE = Object.freeze({
  name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
});

// Bot Framework cards: Adaptive Cards rendered by the Playground inside a bot message bubble.
const selectors = Object.freeze({
  composeBox: '[data-lexical-editor="true"][role="textbox"]',
  sendButton: 'button[aria-label="Send Message"]',
  botMessage: '.fai-OutputCard',
  card: '.ac-adaptiveCard',
});

const defaultTimeoutMs = 20_000;

// ---------------------------------------------------------------------------------------------------------
// Processes

const liveGroups = new Set();

// Last resort when the test process ends without stop(): kill every group we started, synchronously.
process.on('exit', () => {
  for (const pid of liveGroups) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => process.exit(130));
}

/** Starts a command in its own process group, its output appended to a log file under artifacts/logs. */
function startProcess(name, command, args, { cwd, env, logFile }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, ''); // one run per log; both streams then append
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', log],
  });
  liveGroups.add(child.pid);
  const exited = once(child, 'exit').then(([code, signal]) => {
    liveGroups.delete(child.pid);
    return { code, signal };
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    fs.appendFileSync(logFile, chunk);
    if (output.length < 64 * 1024) {
      output += chunk.toString();
    }
  });
  return {
    name,
    child,
    exited,
    output: () => output,
    logFile,
    async stop() {
      if (!liveGroups.has(child.pid)) {
        return;
      }
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      }, 5_000);
      await exited;
      clearTimeout(timer);
      fs.closeSync(log);
    },
  };
}

/** A free TCP port on the loopback (the OS picks it; a developer's bot on 3978 does not clash). */
export async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** Polls check() until it returns a truthy value; fails early when the process dies. */
async function waitFor(description, check, { process: proc, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  proc?.exited.then(() => { dead = true; });
  for (;;) {
    const result = await check().catch(() => undefined);
    if (result) {
      return result;
    }
    if (dead || Date.now() > deadline) {
      const why = dead ? `${proc.name} exited` : `timed out after ${timeoutMs} ms`;
      throw new Error(`${description}: ${why}. See ${proc?.logFile ?? 'the logs'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function httpOk(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.arrayBuffer();
  return response.ok;
}

/**
 * Starts the bot. IMAGINGBOT_E2E_BOT_COMMAND replaces the default command (run by /bin/sh with BOT_PORT and
 * ASPNETCORE_URLS set), e.g. `dotnet src/ImagingBot/bin/Release/net10.0/ImagingBot.dll`.
 */
export async function startBot({ logDir = path.join(artifactsDir, 'logs') } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const custom = process.env.IMAGINGBOT_E2E_BOT_COMMAND;
  const [command, args] = custom
    ? ['/bin/sh', ['-c', custom]]
    : ['dotnet', ['run', '--no-build', '-c', 'Release', '--no-launch-profile', '--project', 'src/ImagingBot', '--urls', url]];
  const bot = startProcess('bot', command, args, {
    cwd: repoRoot,
    env: {
      BOT_PORT: String(port), ASPNETCORE_URLS: url, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1',
      // Anonymous, as the Playground expects; a developer's settings must not leak in.
      MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '', Storage__Provider: 'Memory',
    },
    logFile: path.join(logDir, 'bot.log'),
  });
  try {
    await waitFor('bot /healthz', () => httpOk(`${url}/healthz`), { process: bot, timeoutMs: 90_000 });
  } catch (error) {
    await bot.stop();
    throw error;
  }
  return { ...bot, url, port, messagesEndpoint: `${url}/api/messages` };
}

/**
 * Starts one Playground against the bot. Each Playground has its own conversation, so each test gets a
 * clean one (reloading the page would reuse the conversation and the bot's state for it).
 * Its working folder is a temporary one: it writes devTools/ there and reads no .m365agentsplayground.yml.
 */
export async function startPlayground({ messagesEndpoint, name, logDir = path.join(artifactsDir, 'logs') }) {
  const requestedPort = await freePort();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagingbot-playground-'));
  const cli = path.join(here, 'node_modules', '.bin', 'agentsplayground');
  const logFile = path.join(logDir, `playground-${name}.log`);
  const playground = startProcess('playground', cli, [
    '-e', messagesEndpoint, '-c', 'msteams', '-p', String(requestedPort), '--disable-telemetry',
  ], {
    cwd: workDir,
    env: {
      TEAMSAPPTESTER_BROWSER: 'none', // no browser of its own
      APPLICATION_INSIGHTS_NO_STATSBEAT: '1', // otherwise it calls Azure hosts
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, `playground-${name}.internal.log`),
    },
    logFile,
  });
  try {
    // It falls back to a random port when the requested one is taken, and says which.
    const port = await waitFor('Playground "Listening on"', async () => {
      const match = /Listening on (\d+)/.exec(playground.output());
      return match ? Number(match[1]) : undefined;
    }, { process: playground, timeoutMs: 60_000 });
    const url = `http://127.0.0.1:${port}/`;
    await waitFor('Playground page', () => httpOk(url), { process: playground, timeoutMs: 30_000 });
    return {
      ...playground,
      url,
      port,
      async stop() {
        await playground.stop();
        fs.rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await playground.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The chat as a clinician sees it

function isLocal(url) {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost';
  } catch {
    return false;
  }
}

function matches(text, expected) {
  if (expected === undefined) {
    return true;
  }
  if (typeof expected === 'function') {
    return expected(text);
  }
  if (expected instanceof RegExp) {
    return expected.test(text);
  }
  return text.includes(expected);
}

/** One Playground page in a fresh Chromium profile, with helpers named after what the clinician does. */
export class Chat {
  #shots = 0;

  constructor({ context, page, profile, playground, profileDir, screenshotDir }) {
    this.context = context;
    this.page = page;
    this.profile = profile;
    this.playground = playground;
    this.profileDir = profileDir;
    this.screenshotDir = screenshotDir;
    /** Uncaught errors of the page (a card action the Playground cannot handle shows up here). */
    this.pageErrors = [];
    /** Hosts the page tried to reach and we refused (font and animation CDNs). */
    this.blockedHosts = new Set();
    /** Buttons pressed from the keyboard because a tap at phone width failed the hit test (see clickCardButton). */
    this.keyboardFallbacks = [];
  }

  static async open({ profile, playground, screenshotDir }) {
    fs.rmSync(screenshotDir, { recursive: true, force: true });
    fs.mkdirSync(screenshotDir, { recursive: true });
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagingbot-chromium-'));
    let context;
    try {
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumFlags,
        viewport: profile.viewport,
        isMobile: profile.isMobile ?? false,
        hasTouch: profile.hasTouch ?? false,
        deviceScaleFactor: profile.deviceScaleFactor ?? 1,
        locale: 'en-US',
        timezoneId: 'UTC',
      });
    } catch (error) {
      fs.rmSync(profileDir, { recursive: true, force: true });
      throw error;
    }
    const page = context.pages()[0] ?? await context.newPage();
    const chat = new Chat({ context, page, profile, playground, profileDir, screenshotDir });
    try {
      await chat.#load();
    } catch (error) {
      await chat.page.screenshot({ path: path.join(screenshotDir, 'open-failed.png'), fullPage: true }).catch(() => {});
      await chat.close();
      throw error;
    }
    return chat;
  }

  async #load() {
    const { page, context, playground } = this;
    const chat = this;
    page.setDefaultTimeout(defaultTimeoutMs);
    page.on('pageerror', (error) => chat.pageErrors.push(error.message));
    // Tests talk only to 127.0.0.1: every other request (a font CDN) is aborted.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) {
        return route.continue();
      }
      chat.blockedHosts.add(new URL(url).host);
      return route.abort();
    });
    // Opening the page makes the Playground send installationUpdate and conversationUpdate to the bot.
    await page.goto(playground.url, { waitUntil: 'domcontentloaded' });
    await page.locator(selectors.composeBox).waitFor();
    await this.#uncoverChat();
  }

  /**
   * At phone width the Playground's log panel lies over the chat, and it may open again after the page
   * settles, so it is closed before every action there.
   */
  async #uncoverChat() {
    if (this.profile.isMobile) {
      await this.hideLogPanel();
    }
  }

  /**
   * Closes the Playground's log panel (its own tool, not part of what Teams shows). At desktop width it is closed only
   * for the keyboard test: a Tab that reaches one of its log lines stays there (the panel keeps the focus on its list).
   */
  async hideLogPanel() {
    const hide = this.page.getByRole('button', { name: 'Hide log panel' });
    // While the page is still starting a click can be undone by its own re-render, so try a few times.
    for (let attempt = 1; await hide.isVisible(); attempt++) {
      await hide.click();
      try {
        await hide.waitFor({ state: 'hidden', timeout: 2_000 });
      } catch (error) {
        if (attempt >= 5) {
          throw error;
        }
      }
    }
  }

  /** Bot message bubbles, oldest first. A reply with text and a card shows as two bubbles. */
  botMessages() {
    return this.page.locator(selectors.botMessage);
  }

  async botMessageCount() {
    return this.botMessages().count();
  }

  /** Adaptive Cards, oldest first. */
  cards() {
    return this.page.locator(selectors.card);
  }

  async cardCount() {
    return this.cards().count();
  }

  /** Types into the compose box like a person (click, then type) and sends. */
  async sendText(text) {
    await this.#uncoverChat();
    const box = this.page.locator(selectors.composeBox);
    await box.click();
    await box.pressSequentially(text);
    if (this.profile.isMobile) {
      await box.press('Enter'); // the Send button is outside the phone's visible area
    } else {
      await this.page.locator(selectors.sendButton).click();
    }
  }

  /** Waits until at least n bot message bubbles are shown. */
  async waitForBotMessageCount(n, { timeoutMs = defaultTimeoutMs } = {}) {
    await this.page.waitForFunction(
      ([selector, count]) => document.querySelectorAll(selector).length >= count,
      [selectors.botMessage, n],
      { timeout: timeoutMs },
    );
  }

  /**
   * Waits for a bot message bubble at index `after` or later whose text matches `text` (a string it contains,
   * a RegExp or a predicate); returns its locator. Pass the count taken before the action as `after`.
   */
  async waitForBotMessage({ after = 0, text, timeoutMs = defaultTimeoutMs } = {}) {
    return this.#waitForNth(selectors.botMessage, 'bot message', { after, text, timeoutMs });
  }

  /** Same for Adaptive Cards: `await chat.waitForCard({ after, text: 'MRI lumbar spine' })`. */
  async waitForCard({ after = 0, text, timeoutMs = defaultTimeoutMs } = {}) {
    return this.#waitForNth(selectors.card, 'card', { after, text, timeoutMs });
  }

  async #waitForNth(selector, what, { after, text, timeoutMs }) {
    const deadline = Date.now() + timeoutMs;
    let seen = [];
    for (;;) {
      seen = await this.page.locator(selector).allInnerTexts();
      for (let i = after; i < seen.length; i++) {
        if (matches(seen[i], text)) {
          return this.page.locator(selector).nth(i);
        }
      }
      if (Date.now() > deadline) {
        const shown = seen.slice(after).map((t) => JSON.stringify(t.slice(0, 200))).join('\n  ');
        throw new Error(`No ${what} from #${after} matching ${String(text)} within ${timeoutMs} ms. Shown:\n  ${shown}`);
      }
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * Clicks a button of the newest card by its visible name (Action.Submit posts its data as `value`). At phone
   * width the Playground lays the page out 801 px wide inside the 390 px viewport, and a button near the right or
   * bottom edge of the chat can fail Playwright's hit test (another part of the card "intercepts pointer events")
   * although it is shown and works: then it is pressed from the keyboard (focus, Enter), as a screen-reader user
   * would, and the fallback is listed in `keyboardFallbacks`.
   */
  async clickCardButton(name) {
    await this.#uncoverChat();
    const button = this.cards().last().getByRole('button', { name, exact: true });
    if (!this.profile.isMobile) {
      await button.click();
      return;
    }
    try {
      await button.click({ timeout: 5_000 });
    } catch (error) {
      if (!/intercepts pointer events/.test(String(error?.message))) {
        throw error;
      }
      this.keyboardFallbacks.push(name);
      await button.focus();
      await button.press('Enter');
    }
  }

  /**
   * Presses a button of the newest card from the keyboard alone, as a clinician who does not use a mouse: Tab moves
   * the focus (through the Playground's own controls too) until it is on the button or tappable row named `name`
   * (its accessible name), then Enter. Returns how many Tabs it took; fails after `maxTabs`.
   */
  async pressCardButtonWithKeyboard(name, { maxTabs = 250 } = {}) {
    await this.#uncoverChat();
    const newest = (await this.cardCount()) - 1;
    const passed = [];
    for (let tabs = 1; tabs <= maxTabs; tabs++) {
      await this.page.keyboard.press('Tab');
      const focus = await this.page.evaluate(([cardSelector, index]) => {
        const focused = document.activeElement;
        const card = document.querySelectorAll(cardSelector)[index];
        const label = (focused?.getAttribute('aria-label') ?? focused?.getAttribute('title') ?? focused?.textContent ?? '').trim();
        return { label, inNewest: Boolean(focused && card?.contains(focused)) };
      }, [selectors.card, newest]);
      if (focus.inNewest && focus.label === name) {
        await this.page.keyboard.press('Enter');
        return tabs;
      }
      passed.push(`${focus.inNewest ? '*' : ''}${focus.label.slice(0, 30)}`);
    }
    throw new Error(`The keyboard never reached "${name}" on the newest card within ${maxTabs} Tabs; the focus went through: ${[...new Set(passed)].join(' | ')}`);
  }

  /** The buttons and tappable rows a card still offers (an answered card offers none). */
  async liveButtonCount(card) {
    return card.getByRole('button').count();
  }

  /**
   * Waits until the card at `index` (a count taken before, minus one) shows `text`: what Universal Actions put in
   * the place of a clicked card. Returns its locator.
   */
  async waitForCardReplaced(index, text, { timeoutMs = defaultTimeoutMs } = {}) {
    await this.waitForCard({ after: index, text, timeoutMs });
    const texts = await this.cards().allInnerTexts();
    if (!matches(texts[index] ?? '', text)) {
      throw new Error(`Card #${index} was not replaced in place; it shows: ${JSON.stringify((texts[index] ?? '').slice(0, 200))}`);
    }
    return this.cards().nth(index);
  }

  /** Saves a screenshot under artifacts/<test>/ and returns its path. Phone shots are full-page. */
  async screenshot(name) {
    this.#shots += 1;
    const file = path.join(this.screenshotDir, `${String(this.#shots).padStart(2, '0')}-${name}.png`);
    await this.#uncoverChat();
    await this.page.screenshot({ path: file, fullPage: Boolean(this.profile.isMobile) });
    return file;
  }

  async close() {
    await this.context.close().catch(() => {});
    fs.rmSync(this.profileDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The stack

/**
 * Starts the bot; openChat() then gives each test its own Playground and browser, all stopped after the
 * test (a final screenshot is taken first, so a failure leaves a picture of where it stopped).
 */
export async function startStack() {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const bot = await startBot();
  const opened = [];
  return {
    bot,
    async openChat(t, profile) {
      const slug = `${profile.name}-${t.name}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      const playground = await startPlayground({ messagesEndpoint: bot.messagesEndpoint, name: slug });
      let chat;
      try {
        chat = await Chat.open({ profile, playground, screenshotDir: path.join(artifactsDir, slug) });
      } catch (error) {
        await playground.stop();
        throw error;
      }
      let closed = false;
      const close = async () => {
        if (closed) {
          return;
        }
        closed = true;
        await chat.screenshot('final').catch(() => {});
        await chat.close();
        await playground.stop();
      };
      opened.push(close);
      t.after(close);
      return chat;
    },
    async stop() {
      for (const close of opened.splice(0)) {
        await close().catch(() => {});
      }
      await bot.stop();
    },
  };
}
