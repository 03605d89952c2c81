// A whole consult in the Agents Playground from the keyboard alone, by Universal Actions (Action.Execute: each
// answered card is replaced in place), then axe over the chat: no serious or critical violation from our cards.
// Run: scripts/e2e.sh. Screenshots and the axe reports: tests/e2e/artifacts/desktop-<test>/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { expected } from './expected.mjs';
import { DESKTOP, startStack } from './harness.mjs';

// The article's patient: each question by its title, each answer by the title of its button.
const consult = [
  ['caudaEquina', 'no'], ['sepsis', 'no'], ['age', 'adult'], ['majorTrauma', 'no'], ['cancer', 'yes'],
  ['contraindication', 'none'], ['pregnancy', 'no'],
].map(([question, value]) => ({ title: expected.question[question].title, press: expected.question[question][value] }));
const recommendation = expected.variant(expected.articlePatient.variant);
const answered = expected.answeredInPlace;

// What axe may report that is not ours: the Playground's own page (its header, log panel, compose box and message
// list) is Microsoft's test tool, not part of what a clinician gets in Teams. Our cards render inside
// `.ac-adaptiveCard`; every violation with a node there is ours and fails the test.
const ourCards = '.ac-adaptiveCard';
const failingImpacts = new Set(['serious', 'critical']);

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

/** Every node of a violation that lies inside one of our cards. */
async function nodesInOurCards(page, violation) {
  const inside = [];
  for (const node of violation.nodes) {
    // axe's target is a selector path; the last part is the element (frames are not used by the Playground).
    const selector = node.target[node.target.length - 1];
    const isOurs = await page.evaluate(([css, cards]) => {
      const element = document.querySelector(css);
      return Boolean(element?.closest(cards));
    }, [selector, ourCards]).catch(() => false);
    if (isOurs) {
      inside.push(node);
    }
  }
  return inside;
}

test('a whole consult from the keyboard alone, each answered card replaced in place, with no serious axe violation in our cards', { timeout: 240_000 }, async (t) => {
  const chat = await stack.openChat(t, DESKTOP);
  // The Playground's own log panel keeps a Tab that reaches it; it is Microsoft's tool, not what Teams shows.
  await chat.hideLogPanel();
  await chat.waitForCard({ text: expected.welcome });
  let cards = await chat.cardCount();
  const tabs = [await chat.pressCardButtonWithKeyboard(expected.startButton)];

  for (const [index, step] of consult.entries()) {
    await chat.waitForCard({ after: cards, text: (text) => text.split('\n').map((l) => l.trim()).includes(step.title) });
    cards = await chat.cardCount();
    await chat.screenshot(`question-${index + 1}`);
    tabs.push(await chat.pressCardButtonWithKeyboard(step.press));

    // Universal Actions: the question card becomes a record of the answer, with no live button, where it was.
    const card = await chat.waitForCardReplaced(cards - 1, (text) => answered.test(text) && text.includes(step.title));
    const record = await card.innerText();
    assert.match(record, new RegExp(step.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(record, new RegExp(`Answer: ${step.press.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'));
    assert.equal(await chat.liveButtonCount(card), 0, `the answered "${step.title}" card offers no button`);
    await chat.screenshot(`question-${index + 1}-answered-in-place`);
  }

  const advice = await chat.waitForCard({ after: cards, text: (text) => recommendation.test(text) });
  assert.match(await advice.innerText(), expected.usuallyAppropriate);
  await chat.screenshot('recommendation');
  t.diagnostic(`Tabs to reach each button: ${tabs.join(', ')}`);

  const artifacts = path.dirname(await chat.screenshot('axe'));
  const ours = await new AxeBuilder({ page: chat.page }).include(ourCards).analyze();
  const whole = await new AxeBuilder({ page: chat.page }).analyze();
  fs.writeFileSync(path.join(artifacts, 'axe-our-cards.json'), JSON.stringify(ours, null, 2));
  fs.writeFileSync(path.join(artifacts, 'axe-whole-page.json'), JSON.stringify(whole, null, 2));

  const failing = [];
  for (const violation of [...ours.violations, ...whole.violations].filter((v) => failingImpacts.has(v.impact))) {
    const nodes = ours.violations.includes(violation) ? violation.nodes : await nodesInOurCards(chat.page, violation);
    if (nodes.length > 0) {
      failing.push(`${violation.id} (${violation.impact}): ${violation.help} at ${nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    }
  }
  for (const violation of whole.violations) {
    t.diagnostic(`whole page, ${violation.impact}: ${violation.id} (${violation.nodes.length} node(s)), e.g. ${violation.nodes[0]?.target.join(' ')}`);
  }
  assert.ok(ours.passes.length > 0, 'axe ran on our cards');
  assert.deepEqual(failing, [], 'no serious or critical violation in our cards');
  assert.deepEqual(chat.pageErrors, [], 'the page threw no error');
});
