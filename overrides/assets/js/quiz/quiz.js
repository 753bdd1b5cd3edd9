// One interactive quiz, built from the JSON the build put in data-quiz-json.
//
// Only fields the build rendered from Markdown (with raw HTML escaped) are inserted as
// HTML: prompt, choice, feedback, note, explanation. Everything else goes in as text.
import { shuffled } from "./random.js";

const CHECK_COUNTS = [5, 10, 20];
let nextId = 0;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (name === "text") node.textContent = value;
    else if (name === "trustedHtml") node.innerHTML = value; // build-rendered, escaped HTML only
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const prefersReducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

function verdict(q, selected) {
  const correct = new Set(q.choices.flatMap((c, i) => (c.correct ? [i] : [])));
  const ok = sameSet(correct, selected);
  if (ok) return { ok, text: "Correct." };
  if (q.type === "single") return { ok, text: "Not quite." };
  const hits = [...selected].filter((i) => correct.has(i)).length;
  const wrong = selected.size - hits;
  const noun = q.type === "outputs" ? "possible output" : "correct answer";
  return {
    ok,
    text: `Not quite: you picked ${hits} of the ${plural(correct.size, noun)}` + (wrong ? ` and ${wrong} that ${wrong === 1 ? "is" : "are"} not.` : "."),
  };
}

function choiceStatus(q, choice, picked) {
  if (choice.correct) {
    const what = q.type === "outputs" ? "Possible" : "Correct";
    return picked ? `✓ ${what} — you chose it` : `✓ ${what} — you did not choose it`;
  }
  const what = q.type === "outputs" ? "Impossible" : "Wrong";
  return picked ? `✗ ${what} — you chose it` : `✗ ${what}`;
}

// One question: a form with a fieldset of real radio buttons or checkboxes.
class QuestionView {
  constructor(quiz, q, number, total) {
    this.quiz = quiz;
    this.q = q;
    const uid = `quiz-${++nextId}`;
    const kind = q.type === "single" ? "radio" : "checkbox";
    const order = shuffled(q.choices.map((_, i) => i), quiz.progress.state.seed, q.id);

    this.inputs = new Map(); // original choice index -> input
    this.feedback = new Map(); // original choice index -> feedback element
    const choiceList = el("div", { class: "quiz__choices" });
    for (const index of order) {
      const choice = q.choices[index];
      const inputId = `${uid}-c${index}`;
      const input = el("input", { type: kind, name: uid, value: String(index), id: inputId, class: "quiz__input" });
      const feedback = el("div", { class: "quiz__feedback", id: `${inputId}-fb`, hidden: true });
      const label = el("label", { for: inputId, class: "quiz__label", trustedHtml: choice.html });
      choiceList.append(el("div", { class: "quiz__choice" }, input, label, feedback));
      this.inputs.set(index, input);
      this.feedback.set(index, feedback);
    }

    this.fieldset = el(
      "fieldset",
      { class: "quiz__fieldset", "aria-describedby": `${uid}-prompt ${uid}-hint` },
      el("legend", { class: "quiz__legend", text: `Question ${number} of ${total}` }),
      el("div", { class: "quiz__prompt", id: `${uid}-prompt`, trustedHtml: q.prompt }),
      el("p", { class: "quiz__hint", id: `${uid}-hint`, text: q.hint }),
      choiceList,
    );
    this.check = el("button", { type: "submit", class: "md-button md-button--primary quiz__check", text: "Check answer" });
    this.retry = el("button", { type: "button", class: "md-button quiz__retry", text: "Try again", hidden: true });
    this.verdict = el("p", { class: "quiz__verdict" });
    this.result = el(
      "div",
      { class: "quiz__result", tabindex: "-1", hidden: true },
      this.verdict,
      el("div", { class: "quiz__explanation", trustedHtml: q.explanation }),
      el("p", { class: "quiz__section" }, "Revisit: ", el("a", { href: q.section.href, text: q.section.title })),
    );
    this.form = el(
      "form",
      { class: "quiz__question", id: `quiz-q-${q.id}`, "data-qid": q.id, novalidate: true },
      this.fieldset,
      el("div", { class: "quiz__actions" }, this.check, this.retry),
      this.result,
    );

    const { signal } = quiz;
    this.form.addEventListener("submit", (event) => (event.preventDefault(), this.submit()), { signal });
    this.form.addEventListener("change", () => this.remember(false), { signal });
    this.retry.addEventListener("click", () => this.reset(true), { signal });
  }

  selected() {
    return new Set([...this.inputs].filter(([, input]) => input.checked).map(([i]) => i));
  }

  remember(done) {
    this.quiz.progress.setAnswer(this.q, [...this.selected()], done);
  }

  submit() {
    if (this.selected().size === 0) {
      this.showResult(null);
      this.quiz.announce("Choose an answer first.");
      return;
    }
    this.remember(true);
    const v = this.showResult(this.selected());
    this.quiz.updateScore();
    this.quiz.announce(`${v.text} ${this.quiz.scoreText()}`);
    this.result.focus({ preventScroll: true });
    this.result.scrollIntoView({ block: "nearest", behavior: prefersReducedMotion() ? "auto" : "smooth" });
  }

  // Show the outcome for `selected`, or a reminder to choose when it is null.
  showResult(selected) {
    this.result.hidden = false;
    if (selected === null) {
      this.result.className = "quiz__result quiz__result--empty";
      this.verdict.textContent = "Choose an answer first.";
      for (const node of [...this.result.children].slice(1)) node.hidden = true;
      return null;
    }
    for (const node of this.result.children) node.hidden = false;
    const v = verdict(this.q, selected);
    this.result.className = `quiz__result quiz__result--${v.ok ? "right" : "wrong"}`;
    this.verdict.textContent = v.text;
    this.q.choices.forEach((choice, i) => {
      const picked = selected.has(i);
      const box = this.feedback.get(i);
      box.replaceChildren(
        ...[
          el("p", { class: "quiz__status", text: choiceStatus(this.q, choice, picked) }),
          el("div", { trustedHtml: choice.feedback }),
          choice.note ? el("p", { class: "quiz__note", text: choice.note }) : null,
        ].filter(Boolean),
      );
      box.hidden = false;
      const wrapper = box.parentElement;
      wrapper.classList.toggle("quiz__choice--right", choice.correct);
      wrapper.classList.toggle("quiz__choice--wrong", !choice.correct);
      wrapper.classList.toggle("quiz__choice--picked", picked);
      this.inputs.get(i).setAttribute("aria-describedby", box.id);
    });
    this.fieldset.disabled = true;
    this.check.hidden = true;
    this.retry.hidden = false;
    this.correct = v.ok;
    return v;
  }

  reset(focus) {
    for (const [i, input] of this.inputs) {
      input.checked = false;
      input.removeAttribute("aria-describedby");
      const box = this.feedback.get(i);
      box.hidden = true;
      box.replaceChildren();
      box.parentElement.className = "quiz__choice";
    }
    this.fieldset.disabled = false;
    this.check.hidden = false;
    this.retry.hidden = true;
    this.result.hidden = true;
    this.correct = undefined;
    this.quiz.progress.forget(this.q.id);
    this.quiz.updateScore();
    if (focus) this.fieldset.querySelector("input").focus();
  }

  restore(answer) {
    for (const i of answer.s) {
      const input = this.inputs.get(i);
      if (input) input.checked = true;
    }
    if (answer.d && answer.s.length) this.showResult(this.selected());
  }
}

export class Quiz {
  constructor(node, data, progress, signal) {
    this.node = node;
    this.data = data;
    this.progress = progress;
    this.signal = signal;
    this.views = [];
    this.isCheck = data.scope === "all";

    this.list = el("div", { class: "quiz__list" });
    this.score = el("p", { class: "quiz__score" });
    this.live = el("div", { class: "quiz__live", "aria-live": "polite", role: "status" });
    const reviewButton = el("button", { type: "button", class: "md-button quiz__review-button", text: "Review my mistakes" });
    const resetButton = el("button", { type: "button", class: "md-button quiz__reset", text: "Reset quiz" });
    this.review = el("div", { class: "quiz__review", tabindex: "-1", hidden: true });
    this.app = el(
      "div",
      { class: "quiz__app" },
      this.isCheck ? this.setup() : null,
      this.list,
      el("div", { class: "quiz__summary" }, this.score, el("div", { class: "quiz__actions" }, reviewButton, resetButton)),
      this.review,
      this.live,
    );
    reviewButton.addEventListener("click", () => this.showReview(), { signal });
    resetButton.addEventListener("click", () => this.resetAll(), { signal });
    this.renderQuestions();
    node.querySelector(".quiz__static").hidden = true;
    node.append(this.app);
    node.classList.add("quiz--ready");
  }

  // The Knowledge check page: how many questions, and a fresh draw.
  setup() {
    const total = this.data.questions.length;
    const select = el("select", { id: `quiz-count-${++nextId}`, class: "quiz__count" });
    for (const n of CHECK_COUNTS.filter((n) => n < total)) select.append(el("option", { value: String(n), text: String(n) }));
    select.append(el("option", { value: "0", text: `All ${total}` }));
    const preferred = this.progress.state.check.count || this.data.count || 0;
    select.value = [...select.options].some((o) => o.value === String(preferred)) ? String(preferred) : "0";
    const draw = el("button", { type: "button", class: "md-button quiz__draw", text: "New set of questions" });
    select.addEventListener("change", () => {
      this.progress.setCheck({ count: Number(select.value) });
      this.renderQuestions();
      this.announce(`Showing ${this.views.length} questions.`);
    }, { signal: this.signal });
    draw.addEventListener("click", () => {
      this.progress.setCheck({ round: this.progress.state.check.round + 1 });
      this.renderQuestions();
      for (const view of this.views) view.reset(false);
      this.announce(`New set of ${this.views.length} questions.`);
      this.views[0]?.fieldset.querySelector("input").focus();
    }, { signal: this.signal });
    this.countSelect = select;
    return el("div", { class: "quiz__setup" }, el("label", { for: select.id, text: "Number of questions " }), select, draw);
  }

  chosenQuestions() {
    const all = this.data.questions;
    if (!this.isCheck) return all;
    const count = Number(this.countSelect.value) || all.length;
    if (count >= all.length) return all;
    const { seed, check } = this.progress.state;
    const picked = new Set(shuffled(all.map((q) => q.id), seed, `check:${check.round}`).slice(0, count));
    return all.filter((q) => picked.has(q.id)); // keep the bank's (topic) order
  }

  renderQuestions() {
    const questions = this.chosenQuestions();
    this.views = questions.map((q, i) => new QuestionView(this, q, i + 1, questions.length));
    this.list.replaceChildren(...this.views.map((v) => v.form));
    for (const view of this.views) {
      const answer = this.progress.answer(view.q);
      if (answer) view.restore(answer);
    }
    this.review.hidden = true;
    this.updateScore();
  }

  scoreText() {
    const answered = this.views.filter((v) => v.correct !== undefined);
    const right = answered.filter((v) => v.correct).length;
    return `Score: ${right} of ${this.views.length} correct (${answered.length} answered).`;
  }

  updateScore() {
    this.score.textContent = this.scoreText();
  }

  announce(text) {
    // Clear first so the same message twice is still announced.
    this.live.textContent = "";
    window.setTimeout(() => (this.live.textContent = text), 50);
  }

  showReview() {
    const mistakes = this.views.filter((v) => v.correct === false);
    const title = el("h3", { class: "quiz__review-title", text: mistakes.length ? "Your mistakes" : "No mistakes to review" });
    const items = mistakes.map((v) =>
      el(
        "li",
        {},
        el("a", { href: `#${v.form.id}`, text: v.fieldset.querySelector("legend").textContent }),
        ": revisit ",
        el("a", { href: v.q.section.href, class: "quiz__review-section", text: v.q.section.title }),
      ),
    );
    const unanswered = this.views.length - this.views.filter((v) => v.correct !== undefined).length;
    this.review.replaceChildren(
      ...[
        title,
        mistakes.length ? el("ul", {}, ...items) : null,
        el("p", { text: unanswered ? `${plural(unanswered, "question")} not answered yet.` : "Every question is answered." }),
      ].filter(Boolean),
    );
    this.review.hidden = false;
    this.review.focus();
  }

  resetAll() {
    for (const view of this.views) view.reset(false);
    this.review.hidden = true;
    this.announce("Quiz reset.");
    this.views[0]?.fieldset.querySelector("input").focus();
  }

  destroy() {
    this.app.remove();
    this.node.querySelector(".quiz__static").hidden = false;
    this.node.classList.remove("quiz--ready");
  }
}
