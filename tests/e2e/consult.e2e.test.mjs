// ImagingBot as a clinician sees it: the real bot in the Microsoft 365 Agents Playground (Teams emulation),
// driven in Debian's Chromium, once at desktop width and once at phone width.
// Run: scripts/e2e.sh (builds the bot, installs what is missing). Screenshots: tests/e2e/artifacts/<profile>-<test>/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expected } from './expected.mjs';
import { DESKTOP, PHONE, startStack } from './harness.mjs';

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

/** The lines of a card as shown, without blank ones. */
function linesOf(text) {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}

/** A card asking the question of that questionId: its title on a line of its own. */
function asks(questionId) {
  const { title } = expected.question[questionId];
  return (text) => linesOf(text).includes(title);
}

/**
 * "Start a consult" on the welcome card, then each step in order: the next card must ask that question (and be
 * the only new card), answered by a click on the button of the planned value or by typing. Returns the card count
 * after the last answer, to wait for the card that follows it.
 */
async function startAndAnswer(chat, steps) {
  await chat.waitForCard({ text: expected.welcome });
  let cards = await chat.cardCount();
  await chat.clickCardButton(expected.startButton);

  for (const [index, step] of steps.entries()) {
    const card = await chat.waitForCard({ after: cards, text: asks(step.question) });
    assert.equal(await chat.cardCount(), cards + 1, `one card, asking ${step.question}`);
    const text = await card.innerText();
    if (['caudaEquina', 'sepsis'].includes(step.question)) {
      assert.match(text, expected.emergencyScreen);
    } else {
      assert.doesNotMatch(text, expected.emergencyScreen);
    }
    cards = await chat.cardCount();
    await chat.screenshot(`question-${index + 1}-${step.question}`);
    if (step.type) {
      await chat.sendText(step.type);
    } else {
      await chat.clickCardButton(expected.question[step.question][step.click]);
      await replacedInPlace(chat, cards - 1, expected.answeredInPlace, `question-${index + 1}-${step.question}-answered`);
    }
  }
  return cards;
}

/**
 * Universal Actions: the clicked card turns, where it is, into a record with no live button (the Playground puts
 * the invoke response's card in its place), while what follows comes as a new message.
 */
async function replacedInPlace(chat, index, text, shot) {
  const card = await chat.waitForCardReplaced(index, text);
  assert.equal(await chat.liveButtonCount(card), 0, 'the clicked card offers no button any more');
  await chat.screenshot(shot);
}

/**
 * Waits for the recommendation card after `cards` and checks it: the only new card, the variant, the study
 * right under the first-line heading with its category, and the emergency banner exactly when emergent.
 */
async function recommendationAfter(chat, cards, { variant, study, heading, emergent = false }) {
  const card = await chat.waitForCard({ after: cards, text: (text) => expected.variant(variant).test(text) });
  assert.equal(await chat.cardCount(), cards + 1, 'no other card before the recommendation');
  const text = await card.innerText();
  const lines = linesOf(text);
  const first = lines.indexOf(heading);
  assert.ok(first >= 0, `the first-line heading "${heading}" is shown`);
  assert.equal(lines[first + 1], study, 'the study ordered first');
  assert.match(lines[first + 2], expected.usuallyAppropriate);
  if (emergent) {
    assert.match(text, expected.emergencyBanner);
  } else {
    assert.doesNotMatch(text, expected.emergencyBanner);
  }
  return card;
}

/**
 * The article's patient (58F, breast cancer in remission, night pain, subjective fevers, no deficits), as a clinician
 * does it: one answer typed and the others clicked, the recommendation card, "Change an answer" (the quick form
 * shows the answers given) and a typed FAQ question.
 */
async function consultToRecommendation(chat) {
  let cards = await startAndAnswer(chat, [
    { question: 'caudaEquina', click: 'no' },
    { question: 'sepsis', type: 'no' },
    { question: 'age', click: 'adult' },
    { question: 'majorTrauma', click: 'no' },
    { question: 'cancer', click: 'yes' },
    { question: 'contraindication', click: 'none' },
    { question: 'pregnancy', click: 'no' },
  ]);

  await recommendationAfter(chat, cards, expected.articlePatient);
  await chat.screenshot('recommendation');

  cards = await chat.cardCount();
  await chat.clickCardButton(expected.changeAnswerButton);
  await chat.waitForCard({ after: cards, text: expected.quickForm });
  await replacedInPlace(chat, cards - 1, expected.adviceBeingChanged, 'change-an-answer');
  cards = await chat.cardCount();
  await chat.clickCardButton(expected.quickFormSubmit); // the answers given are pre-selected
  await recommendationAfter(chat, cards, expected.articlePatient);
  await replacedInPlace(chat, cards - 1, expected.quickFormSent, 'quick-form-sent');

  const messages = await chat.botMessageCount();
  await chat.sendText(expected.faqQuestion);
  await chat.waitForBotMessage({ after: messages, text: expected.faqAnswer });
  await chat.screenshot('faq');
}

/** New urinary retention: "Yes" to the first question, the cauda equina screen, gives the emergent card at once. */
async function emergencyConsult(chat) {
  const cards = await startAndAnswer(chat, [{ question: 'caudaEquina', click: 'yes' }]);
  await recommendationAfter(chat, cards, { ...expected.caudaEquina, emergent: true });
  await chat.screenshot('emergent-recommendation');
}

/**
 * An 82-year-old with osteoporosis after a fall from standing (variant 6): radiography first. Fracture risk is not
 * asked (65 or older is variant 6 already), nor is pregnancy at 65 or older.
 */
async function olderAfterFallConsult(chat) {
  const cards = await startAndAnswer(chat, [
    { question: 'caudaEquina', click: 'no' },
    { question: 'sepsis', click: 'no' },
    { question: 'age', click: 'older' },
    { question: 'majorTrauma', click: 'no' },
    { question: 'cancer', click: 'no' },
    { question: 'infection', click: 'no' },
    { question: 'immunosuppression', click: 'no' },
    { question: 'priorSurgery', click: 'no' },
  ]);
  await recommendationAfter(chat, cards, expected.olderAfterFall);
  await chat.screenshot('variant-6-recommendation');
}

/** What every test checks at the end; a button pressed from the keyboard at phone width is reported, not hidden. */
function finish(t, chat) {
  if (chat.keyboardFallbacks.length > 0) {
    t.diagnostic(`pressed from the keyboard (tap failed the hit test): ${chat.keyboardFallbacks.join(', ')}`);
  }
  assert.deepEqual(chat.pageErrors, [], 'the page threw no error');
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
      finish(t, chat);
    });

    test('drives a consult to the recommendation', { timeout: 180_000 }, async (t) => {
      const chat = await stack.openChat(t, profile);
      await consultToRecommendation(chat);
      finish(t, chat);
    });

    test('answers a yes to the cauda equina screen with the emergent card at once', { timeout: 120_000 }, async (t) => {
      const chat = await stack.openChat(t, profile);
      await emergencyConsult(chat);
      finish(t, chat);
    });

    test('recommends radiography first after a fall from standing at 82', { timeout: 180_000 }, async (t) => {
      const chat = await stack.openChat(t, profile);
      await olderAfterFallConsult(chat);
      finish(t, chat);
    });
  });
}
