// ImagingBot as a clinician sees it: the real bot in the Microsoft 365 Agents Playground (Teams emulation),
// driven in Debian's Chromium, once at desktop width and once at phone width.
// Run: scripts/e2e.sh (builds the bot, installs what is missing). Screenshots: tests/e2e/artifacts/<profile>-<test>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, startStack } from './harness.mjs';

// What the bot says, in one place: update here when the consult dialog (issue 5) changes the words.
const expected = {
  welcome: /I am ImagingBot\..*first imaging study for low back pain with red flags/s,
  // For now the bot answers any message with the welcome text.
  replyToHello: /I am ImagingBot\./,
};

/**
 * The clinician opens the chat: exactly one welcome, although the Playground sends both installationUpdate and
 * conversationUpdate when the page opens; then a typed "hello" gets one reply.
 */
async function welcomeThenHello(chat) {
  const welcome = await chat.waitForBotMessage({ text: expected.welcome });
  await chat.screenshot('welcome');

  const before = await chat.botMessageCount();
  await chat.sendText('hello');
  const reply = await chat.waitForBotMessage({ after: before });
  assert.match(await reply.innerText(), expected.replyToHello);
  await chat.screenshot('hello');

  // Both bot turns have been answered, so a second welcome would be shown by now.
  assert.equal(await chat.botMessageCount(), 2, 'one welcome and one reply');
  assert.match(await welcome.innerText(), expected.welcome);
}

// The consult (issue 5) goes here as its own function, called from both profiles below, e.g.:
//   await chat.sendText('start');  // or: await chat.clickCardButton('Start a consult');
//   let after = await chat.cardCount();
//   for (const answer of ['Yes', 'Yes', 'No', 'No']) { ... chat.clickCardButton(answer); chat.waitForCard({ after }) ... }
//   await chat.waitForCard({ after, text: 'MRI lumbar spine without and with IV contrast' });
//   await chat.sendText('why contrast?'); await chat.waitForBotMessage({ after: n, text: /contrast/i });
// README.md in this folder shows it in full.

// One bot for the file; each test gets its own Playground (so its own conversation) and browser profile.
let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

for (const profile of [DESKTOP, PHONE]) {
  describe(`Agents Playground at ${profile.name} width (${profile.viewport.width}x${profile.viewport.height})`, () => {
    test('welcomes once and answers a typed message', { timeout: 120_000 }, async (t) => {
      const chat = await stack.openChat(t, profile);
      await welcomeThenHello(chat);
      assert.deepEqual(chat.pageErrors, [], 'the page threw no error');
    });
  });
}
