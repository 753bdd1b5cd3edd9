// One question of a quiz: a form with a fieldset of real radio buttons or checkboxes,
// its check/retry buttons, and the result with each choice's feedback.
import { el, uniqueId } from "./dom.js";
import { choiceStatus, verdict } from "./grading.js";
import { shuffled } from "./random.js";

const prefersReducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

export class QuestionView {
  constructor(quiz, q, number, total) {
    this.quiz = quiz;
    this.q = q;
    const uid = uniqueId("quiz");
    this.fieldset = el(
      "fieldset",
      { class: "quiz__fieldset", "aria-describedby": `${uid}-prompt ${uid}-hint` },
      el("legend", { class: "quiz__legend", text: `Question ${number} of ${total}` }),
      el("div", { class: "quiz__prompt", id: `${uid}-prompt`, trustedHtml: q.prompt }),
      el("p", { class: "quiz__hint", id: `${uid}-hint`, text: q.hint }),
      this.#choiceList(uid),
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
    this.#listen(quiz.signal);
  }

  // The choices in this reader's shuffled order, as real radio buttons or checkboxes.
  #choiceList(uid) {
    const q = this.q;
    const kind = q.type === "single" ? "radio" : "checkbox";
    const order = shuffled(q.choices.map((_, i) => i), this.quiz.progress.state.seed, q.id);
    this.inputs = new Map(); // original choice index -> input
    this.feedback = new Map(); // original choice index -> feedback element
    const choiceList = el("div", { class: "quiz__choices" });
    for (const index of order) {
      const inputId = `${uid}-c${index}`;
      const input = el("input", { type: kind, name: uid, value: String(index), id: inputId, class: "quiz__input" });
      const feedback = el("div", { class: "quiz__feedback", id: `${inputId}-fb`, hidden: true });
      const label = el("label", { for: inputId, class: "quiz__label", trustedHtml: q.choices[index].html });
      choiceList.append(el("div", { class: "quiz__choice" }, input, label, feedback));
      this.inputs.set(index, input);
      this.feedback.set(index, feedback);
    }
    return choiceList;
  }

  #listen(signal) {
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
