// ImagingBot as a clinician sees it: the real bot in the Microsoft 365 Agents Playground (Teams emulation),
// driven in Debian's Chromium, once at desktop width and once at phone width.
// Run: scripts/e2e.sh (builds the bot, installs what is missing). Screenshots: tests/e2e/artifacts/<profile>-<test>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, startStack } from './harness.mjs';

// What the bot says, in one place: update here when the cards (cards/*.template.json) change their words.
const expected = {
  // The welcome is the help card.
  welcome: /first imaging study for low back pain with red flags/,
  // Anything the bot does not understand outside a consult gets the hint with suggestions.
  replyToHello: /did not get that/i,
  question: {
    cancer: /Suspicion of cancer/,
    infection: /Suspicion of infection/,
    immunosuppression: /Is the patient immunosuppressed\?/,
    deficits: /Neurologic deficits/,
    contraindication: /Can the patient have an MRI with gadolinium contrast\?/,
  },
  recommendation: 'MRI lumbar spine without and with IV contrast',
  category: 'Usually Appropriate',
  quickForm: /Quick form/,
  faqAnswer: /Why order the MRI both without and with contrast\?/,
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

/**
 * The article's patient (58F, breast cancer in remission, night pain, subjective fevers, no deficits), as a clinician
 * does it: "Start a consult" on the welcome card, one answer typed and the others clicked, the recommendation card,
 * "Change an answer" (the quick form shows the answers given) and a typed FAQ question.
 */
async function consultToRecommendation(chat) {
  await chat.waitForCard({ text: expected.welcome });
  let cards = await chat.cardCount();
  await chat.clickCardButton('Start a consult');

  const steps = [
    { question: expected.question.cancer, click: 'Yes' },
    { question: expected.question.infection, type: 'yes' },
    { question: expected.question.immunosuppression, click: 'No' },
    { question: expected.question.deficits, click: 'No' },
    { question: expected.question.contraindication, click: 'No limit' },
  ];
  for (const [index, step] of steps.entries()) {
    await chat.waitForCard({ after: cards, text: step.question });
    cards = await chat.cardCount();
    await chat.screenshot(`question-${index + 1}`);
    if (step.type) {
      await chat.sendText(step.type);
    } else {
      await chat.clickCardButton(step.click);
    }
  }

  const recommendation = await chat.waitForCard({ after: cards, text: expected.recommendation });
  assert.match(await recommendation.innerText(), new RegExp(expected.category));
  await chat.screenshot('recommendation');

  cards = await chat.cardCount();
  await chat.clickCardButton('Change an answer');
  await chat.waitForCard({ after: cards, text: expected.quickForm });
  await chat.screenshot('change-an-answer');
  cards = await chat.cardCount();
  await chat.clickCardButton('Get the recommendation'); // the answers given are pre-selected
  await chat.waitForCard({ after: cards, text: expected.recommendation });

  const messages = await chat.botMessageCount();
  await chat.sendText('why contrast?');
  await chat.waitForBotMessage({ after: messages, text: expected.faqAnswer });
  await chat.screenshot('faq');
}

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

    test('drives a consult to the recommendation', { timeout: 180_000 }, async (t) => {
      const chat = await stack.openChat(t, profile);
      await consultToRecommendation(chat);
      assert.deepEqual(chat.pageErrors, [], 'the page threw no error');
    });
  });
}
